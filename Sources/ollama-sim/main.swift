print("ollama-sim: not built yet")
