// The only include of the GL loader; everything under render/ that speaks GL includes this.
#pragma once
#include <glad/gl.h>
