// Polygon rings as triangle fans (stencil pass) in lon/lat.
layout(location = 0) in vec2 a_lonlat;
void main() { gl_Position = pixelsToClip(projectedToPixels(projectLonLat(a_lonlat))); }
