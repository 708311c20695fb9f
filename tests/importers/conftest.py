import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import PersonFactory, pdf_bytes, png_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads with the files the fixtures' attachments point at (not perdida.jpg)."""
    root = tmp_path / "uploads"
    (root / "2023/05").mkdir(parents=True)
    (root / "2023/06").mkdir(parents=True)
    (root / "2023/05/plaza.png").write_bytes(png_bytes(64, 48, (200, 30, 40)))
    (root / "2023/05/qorikancha.png").write_bytes(png_bytes(48, 64, (30, 30, 200)))
    (root / "2023/06/boletin-12.pdf").write_bytes(pdf_bytes("Boletín municipal 12"))
    return root


@pytest.fixture
def mayor(site_tree):
    from cms.models import Person

    return PersonFactory(name="Alcalde del Cusco", role=Person.Role.ALCALDE)


@pytest.fixture
def run_import(site_tree, superuser, tmp_path):
    """Run the command as an administrator would; returns (report dict, printed text)."""

    def run(fixture="site.xml", *args):
        report_path = tmp_path / "report.json"
        out = io.StringIO()
        call_command(
            "import_wordpress", str(FIXTURES / fixture), "--user", superuser.username, "--report",
            str(report_path), *args, stdout=out,
        )  # fmt: skip
        return json.loads(report_path.read_text(encoding="utf-8")), out.getvalue()

    return run
