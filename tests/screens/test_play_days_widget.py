"""Play days are weekday checkboxes in the admin and stay stored as ISO digits."""

from django.http import QueryDict

from screens.widgets import WeekdayDigitsWidget


def test_checkboxes_show_the_stored_days_checked():
    html = WeekdayDigitsWidget().render("play_days", "167", attrs={"id": "id_play_days"})
    checked = [line for line in html.split("<input")[1:] if "checked" in line]
    assert [line.split('value="')[1][0] for line in checked] == ["1", "6", "7"]
    assert "lunes" in html and "domingo" in html


def test_checked_boxes_become_the_digit_string():
    widget = WeekdayDigitsWidget()
    assert widget.value_from_datadict(QueryDict("play_days=5&play_days=1&play_days=3"), {}, "play_days") == "135"
    assert widget.value_from_datadict(QueryDict("play_days=1234567"), {}, "play_days") == "1234567"
    assert widget.value_from_datadict(QueryDict(""), {}, "play_days") == ""
    assert widget.value_from_datadict(QueryDict("play_days=9&play_days=x"), {}, "play_days") == ""
