#ifndef BUILD_REVISION_H
#define BUILD_REVISION_H

/// The source revision this build was made from ("" when not given): `make install` defines
/// READINESS_REVISION from git, so two builds of one version can be told apart.
const char *readiness_build_revision(void);

#endif
