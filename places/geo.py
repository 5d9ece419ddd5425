"""Plain-float geometry: distances on the sphere and bounding boxes, no GIS library needed."""

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); a few metres off the ellipsoid, which a town-level map never sees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def degrees_around(latitude: float, radius_km: float) -> tuple[float, float]:
    """Half-height and half-width in degrees of a box holding a circle: a cheap index-friendly pre-filter."""
    dlat = radius_km / 111.0
    dlon = radius_km / (111.0 * max(0.01, math.cos(math.radians(latitude))))
    return dlat, dlon


@dataclass(frozen=True)
class BBox:
    """RFC 7946 order: west, south, east, north."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def bbox_parse(text: str) -> BBox:
    """`minLon,minLat,maxLon,maxLat` or ValueError with a message fit for an API client."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four comma-separated numbers: minLon,minLat,maxLon,maxLat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not all(math.isfinite(value) for value in (min_lon, min_lat, max_lon, max_lat)):
        raise ValueError("bbox values must be finite numbers")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ValueError("bbox longitudes must lie in -180..180 and latitudes in -90..90")
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError("bbox minimum must not exceed maximum (boxes across the antimeridian are not supported)")
    return BBox(min_lon, min_lat, max_lon, max_lat)
