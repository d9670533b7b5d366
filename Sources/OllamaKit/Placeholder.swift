// Placeholder: filled by the OllamaKit work.
