/* caravan_app maps: behaviour shared by every map (no network, no plugins). */
function caravanMapSetup(map, bounds) {
  /* Without animation: the map opens on the province at once, and a page rendered offscreen
     (where transitions may never end) is not left half-way through a zoom. */
  map.fitBounds(bounds, {animate: false});
  L.control.scale({imperial: false}).addTo(map);
  /* County names are only legible when zoomed in; below zoom 9 they would cover the map. */
  function update() {
    map.getContainer().classList.toggle("cv-zoom-low", map.getZoom() < 9);
  }
  map.on("zoomend", update);
  update();
}
