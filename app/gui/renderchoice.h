#pragma once
// Which scene-graph backend the window uses. With a GPU, Qt Quick's default (OpenGL through RHI)
// is best. Without one, Mesa rasterizes OpenGL on the CPU (llvmpipe, softpipe), and every frame
// redraws the whole window: on a 2-core VM that costs 20+ ms of CPU per frame. Qt Quick's own
// software renderer repaints only the regions that changed and costs 4–6× less there
// (tests/bench/gui-frames, README), so "auto" picks it when OpenGL would be a software one.
#include <QString>

namespace ctxscope {

// applyRendererChoice sets the backend before the first window exists. choice is "auto" (or
// empty), "gl" or "software"; QT_QUICK_BACKEND or QSG_RHI_BACKEND in the environment win over
// "auto", as the user asked for them. Returns an error message for an unknown choice.
QString applyRendererChoice(const QString& choice);

// openGLIsSoftware reports whether the OpenGL implementation is a CPU rasterizer (or missing).
bool openGLIsSoftware();

} // namespace ctxscope
