// Placeholder: filled by the ReadinessTesting work.
