import ReadinessTesting
import Testing

/// The seed's "Success Criteria for Phase 2 Readiness", one test per criterion.
///
/// `swift test --filter ReadinessSuites` is the readiness check: it fails when a critical criterion fails and
/// only warns for a recommended one. Every suite is an extension of this one, so the `.ollamaFixture` trait
/// loads readiness.json (READINESS_CONFIG) and connects to Ollama (OLLAMA_HOST) once for all of them.
@Suite(.ollamaFixture)
struct Readiness {}
