// Placeholder: filled by the OllamaSimulator work.
