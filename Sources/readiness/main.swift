print("readiness: not built yet")
