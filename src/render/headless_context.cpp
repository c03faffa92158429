// EGL context creation; the only file that includes EGL.
#include "render/headless_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <string>

#include "render/map_renderer.hpp"

namespace briefmap::render {

namespace {

EGLDisplay openDisplay() {
    auto getPlatformDisplay =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (!getPlatformDisplay) return EGL_NO_DISPLAY;
    EGLint major = 0, minor = 0;
    // Mesa: surfaceless works with no X server and no environment variables.
    EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
    // NVIDIA and others: the first EGL device.
    auto queryDevices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    if (!queryDevices) return EGL_NO_DISPLAY;
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (!queryDevices(8, devices, &count)) return EGL_NO_DISPLAY;
    for (EGLint i = 0; i < count; ++i) {
        d = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
        if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
    }
    return EGL_NO_DISPLAY;
}

void* eglProc(const char* name) { return reinterpret_cast<void*>(eglGetProcAddress(name)); }

}  // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    std::unique_ptr<HeadlessContext> ctx(new HeadlessContext());
    EGLDisplay display = openDisplay();
    if (display == EGL_NO_DISPLAY) return Error{"EGL: no headless display (install libegl-mesa0 and libgl1-mesa-dri)"};
    ctx->m_display = display;
    if (!eglBindAPI(EGL_OPENGL_API)) return Error{"EGL: desktop OpenGL API unavailable"};
    const EGLint configAttribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, 0, EGL_NONE};
    EGLConfig config;
    EGLint numConfigs = 0;
    if (!eglChooseConfig(display, configAttribs, &config, 1, &numConfigs) || numConfigs == 0)
        return Error{"EGL: no OpenGL config"};
    const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttribs);
    if (context == EGL_NO_CONTEXT) return Error{"EGL: cannot create an OpenGL 3.3 core context"};
    ctx->m_context = context;
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
        return Error{"EGL: cannot make the context current"};
    if (!loadGlFunctions(eglProc)) return Error{"EGL: cannot load OpenGL 3.3 functions"};
    return ctx;
}

HeadlessContext::~HeadlessContext() {
    if (!m_display) return;
    eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (m_context) eglDestroyContext(m_display, m_context);
    // The display is not terminated: EGL displays are per-process singletons, and Mesa's eglTerminate
    // unloads its driver in a way that leaks (LeakSanitizer flags 112 bytes it can no longer name).
}

}  // namespace briefmap::render
