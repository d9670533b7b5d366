import ReadinessTesting
import Testing

/// The seed's "Success Criteria for Phase 2 Readiness", one test per criterion, and the parent of your own.
///
/// Link the `ReadinessCriteria` product from a test target and `swift test` runs every built-in criterion:
/// Swift Testing finds tests in every object file linked into the test binary, and SwiftPM links a
/// dependency's object files whole, so none is dropped. Declare your own criteria as
/// `extension Readiness { @Suite struct MyCriteria { … } }`: they then share the one `.ollamaFixture`
/// (readiness.json from READINESS_CONFIG, Ollama from OLLAMA_HOST) with the built-in ones.
@Suite(.ollamaFixture)
public struct Readiness {}
