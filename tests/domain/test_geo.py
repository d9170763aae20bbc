import pytest

from caravan_app.domain.geo import gcj02_to_wgs84, wgs84_to_gcj02
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import Point


@pytest.mark.parametrize("lat, lon", [(32.06, 118.79), (34.81, 116.59), (31.30, 120.62), (33.96, 118.27)])
def test_gcj02_round_trip_and_shift_size(lat: float, lon: float) -> None:
    wlat, wlon = gcj02_to_wgs84(lat, lon)
    # In Jiangsu the offset is a few hundred metres, never zero and never kilometres.
    assert 0.2 < great_circle_km(Point(lat, lon), Point(wlat, wlon)) < 1.0
    back = wgs84_to_gcj02(wlat, wlon)
    assert back == pytest.approx((lat, lon), abs=1e-7)


def test_known_point() -> None:
    # Tiananmen, WGS-84 (39.90734, 116.39089) is GCJ-02 (39.90874, 116.39713) on Chinese maps.
    assert wgs84_to_gcj02(39.90734, 116.39089) == pytest.approx((39.90874, 116.39713), abs=2e-4)
