/* caravan_app maps: behaviour shared by every map (no network, no plugins). */
/* County names are only legible when zoomed in; below zoom 9 they would cover the map. */
function caravanZoomClasses(map) {
  function update() {
    var container = map.getContainer();
    container.classList.toggle("cv-zoom-low", map.getZoom() < 9);
  }
  map.on("zoomend", update);
  update();
}
