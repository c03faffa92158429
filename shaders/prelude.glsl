// Shared by every shader: the camera uniforms and the projection formulas of src/core/projection.cpp.
precision highp float;

uniform int u_projection;       // 0 = Web Mercator (metres), 1 = equirectangular (degrees)
uniform vec2 u_center;          // projected coordinates of the viewport centre
uniform float u_unitsPerPixel;  // projected units per pixel
uniform vec2 u_viewport;        // pixels
uniform float u_worldOffset;    // degrees of longitude added for world copies (multiples of 360)
uniform float u_worldOffsetProjected;  // the same offset in projected units
uniform float u_pixelRatio;     // framebuffer pixels per layout pixel (2 in a 4K export at scale 2)

const float kEarthRadius = 6378137.0;
const float kDegToRad = 0.017453292519943295;
const float kMercatorMaxLat = 85.0511287798;

vec2 projectLonLat(vec2 lonlat) {
    float lon = lonlat.x + u_worldOffset;
    if (u_projection == 1) return vec2(lon, clamp(lonlat.y, -90.0, 90.0));
    float lat = clamp(lonlat.y, -kMercatorMaxLat, kMercatorMaxLat) * kDegToRad;
    return vec2(kEarthRadius * lon * kDegToRad, kEarthRadius * log(tan(0.7853981633974483 + lat * 0.5)));
}

// For geometry the CPU already projected (the base map): only the world-copy shift remains.
vec2 shiftWorldCopy(vec2 projected) { return vec2(projected.x + u_worldOffsetProjected, projected.y); }

// Pixels from the bottom-left corner (GL convention; the PNG writer flips rows).
vec2 projectedToPixels(vec2 xy) { return (xy - u_center) / u_unitsPerPixel + 0.5 * u_viewport; }

vec4 pixelsToClip(vec2 px) { return vec4(px / u_viewport * 2.0 - 1.0, 0.0, 1.0); }

// Edges antialiased over one framebuffer pixel whatever the scale: `inside` is the distance (layout
// pixels) from the edge into the shape; 0.5 on the edge. A program without the camera uniforms reads 1.
float edgeCoverage(float inside) {
    float ratio = u_pixelRatio > 0.0 ? u_pixelRatio : 1.0;
    return clamp(inside * ratio + 0.5, 0.0, 1.0);
}
