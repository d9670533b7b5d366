#include "build_revision.h"

#ifndef READINESS_REVISION
#define READINESS_REVISION ""
#endif

const char *readiness_build_revision(void) {
    return READINESS_REVISION;
}
