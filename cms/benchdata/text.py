"""Realistic Spanish copy for benchmark content, generated deterministically from a seed."""

import random

SUBJECTS = [
    "El alcalde del Cusco",
    "La Municipalidad Provincial del Cusco",
    "La Gerencia de Desarrollo Urbano y Rural",
    "La Oficina de Relaciones Públicas y Protocolo",
    "El Concejo Municipal",
    "La Gerencia de Turismo",
    "El Serenazgo municipal",
    "La Subgerencia de Tránsito",
    "La Gerencia de Medio Ambiente",
    "La Gerencia de Desarrollo Humano y Social",
    "La teniente alcaldesa",
    "La Biblioteca Municipal",
]
ACTIONS = [
    "inaugura la obra de mejoramiento de {street} en {district}",
    "presenta el programa de actividades por el Inti Raymi",
    "entrega equipos de seguridad a las juntas vecinales de {district}",
    "realiza una campaña de limpieza en {place}",
    "firma un convenio de cooperación con {institution}",
    "reconoce a los deportistas destacados de {district}",
    "rinde homenaje a los fundadores de la ciudad en {place}",
    "inicia la campaña de vacunación canina en {district}",
    "celebra sesión solemne por el aniversario de {district}",
    "supervisa los trabajos de restauración en {place}",
    "anuncia el cierre temporal de {street} por obras",
    "lanza el concurso de danzas para la festividad del Corpus Christi",
    "capacita a comerciantes del mercado de {market}",
    "organiza la feria gastronómica en {place}",
    "instala el comité de gestión del riesgo de desastres en {district}",
    "recibe a la delegación de {city}, ciudad hermana del Cusco",
    "coordina el plan de seguridad para la Semana Santa en {place}",
    "promueve la lectura con bibliotecas itinerantes en {district}",
]
STREETS = [
    "la avenida de la Cultura",
    "la avenida El Sol",
    "la calle Saphi",
    "la avenida Garcilaso",
    "la calle Plateros",
    "la cuesta de San Blas",
    "la avenida Tupac Amaru",
    "la calle Maruri",
]
DISTRICTS = [
    "Wanchaq",
    "Santiago",
    "San Sebastián",
    "San Jerónimo",
    "Saylla",
    "Poroy",
    "Ccorca",
    "el Cercado",
]
PLACES = [
    "la Plaza de Armas",
    "la Plaza Regocijo",
    "el barrio de San Blas",
    "el Qorikancha",
    "Sacsayhuamán",
    "la Plaza San Francisco",
    "el Centro Histórico",
    "el parque de la Madre",
]
INSTITUTIONS = [
    "la Universidad Nacional de San Antonio Abad",
    "el Gobierno Regional del Cusco",
    "la Dirección Desconcentrada de Cultura",
    "la Policía Nacional del Perú",
    "la Cámara de Comercio del Cusco",
]
MARKETS = ["San Pedro", "Wanchaq", "Rosaspata", "Casccaparo"]
CITIES = ["Cuzco (Italia)", "Santiago de Compostela", "Kioto", "La Paz", "Potosí"]

SENTENCES = [
    "La actividad contó con la participación de vecinos, dirigentes y autoridades locales.",
    "{subject} destacó que la obra beneficiará a más de {n} familias del distrito.",
    "Los trabajos se ejecutan con recursos propios y estarán listos en {weeks} semanas.",
    "La ceremonia se realizó en {place} con la presencia de la banda municipal.",
    "Se recomienda a la población tomar las precauciones del caso y respetar la señalización.",
    "El programa incluye talleres gratuitos, pasacalles y una feria de productores locales.",
    "La municipalidad reafirma su compromiso con la conservación del patrimonio cultural.",
    "Las inscripciones están abiertas en la sede de la Plaza Regocijo hasta el fin de mes.",
    "Durante la jornada se atendió a {n} personas y se distribuyó material informativo.",
    "El convenio permitirá compartir información y ejecutar proyectos conjuntos.",
]
QUOTES = [
    "Trabajamos para que el Cusco sea una ciudad ordenada, segura y orgullosa de su historia.",
    "Esta obra es de los vecinos; la municipalidad solo cumple con lo que prometió.",
    "El patrimonio del Cusco es de todos los peruanos y lo cuidamos entre todos.",
]
EVENT_TITLES = [
    "Izamiento del pabellón nacional en la Plaza de Armas",
    "Sesión solemne por el aniversario de la ciudad",
    "Conferencia de prensa del alcalde",
    "Ceremonia por el Día de la Bandera",
    "Campaña de arborización en {district}",
    "Desfile cívico escolar en {place}",
    "Homenaje al Inca Garcilaso de la Vega",
    "Acto protocolar de recepción a la delegación de {city}",
    "Feria del libro en {place}",
    "Misa y tedeum por Fiestas Patrias",
]
BULLETIN_TITLES = {
    "boletin": "Boletín municipal «Qosqo Llaqta» n.º {n}",
    "revista": "Revista «Cusco Imperial» n.º {n}",
    "periodico_mural": "Periódico mural de la Plaza Regocijo n.º {n}",
    "memoria_anual": "Memoria anual de gestión {year}",
}


class Writer:
    """Fills templates with a seeded random generator, so the same seed gives the same copy."""

    def __init__(self, seed):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible sample copy, not a secret

    def pick(self, items):
        return self.rng.choice(items)

    def fill(self, template):
        return template.format(
            street=self.pick(STREETS),
            district=self.pick(DISTRICTS),
            place=self.pick(PLACES),
            institution=self.pick(INSTITUTIONS),
            market=self.pick(MARKETS),
            city=self.pick(CITIES),
            subject=self.pick(SUBJECTS),
            n=self.rng.randint(40, 4000),
            weeks=self.rng.randint(2, 30),
            year=self.rng.randint(2015, 2026),
        )

    def headline(self):
        return f"{self.pick(SUBJECTS)} {self.fill(self.pick(ACTIONS))}"

    def event_title(self):
        return self.fill(self.pick(EVENT_TITLES))

    def sentences(self, count):
        return " ".join(self.fill(self.pick(SENTENCES)) for _ in range(count))

    def paragraph_html(self, link_ids):
        """A paragraph whose sentences may carry internal page links (resolved by the API at read time)."""
        parts = []
        for _ in range(self.rng.randint(2, 4)):
            sentence = self.fill(self.pick(SENTENCES))
            if link_ids and self.rng.random() < 0.4:
                page_id = self.pick(link_ids)
                words = sentence.split(" ")
                cut = self.rng.randint(1, min(4, len(words)))
                linked = " ".join(words[:cut])
                sentence = f'<a linktype="page" id="{page_id}">{linked}</a> ' + " ".join(words[cut:])
            parts.append(sentence)
        text = " ".join(parts)
        if self.rng.random() < 0.3:
            text = text.replace("municipalidad", "<b>municipalidad</b>", 1)
        return f"<p>{text}</p>"

    def quote(self):
        return self.pick(QUOTES)

    def place(self):
        return self.fill("{place}, {district}")
