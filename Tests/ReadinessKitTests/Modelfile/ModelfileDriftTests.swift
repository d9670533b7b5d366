import Testing
@testable import ReadinessKit

@Suite struct ModelfileDriftTests {
    static let expected = """
        FROM llama3.2:3b
        SYSTEM \"\"\"You give short answers.\"\"\"
        PARAMETER temperature 0.3
        PARAMETER num_ctx 4096
        PARAMETER stop <|eot_id|>
        PARAMETER stop user:
        """

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var deployed: String
        var drift: [Drift]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "identical", deployed: expected, drift: []),
        Case(name: "numbers compare by value and stop as a set, inherited settings ignored",
             deployed: "FROM llama3.2:3b\nSYSTEM   You give short answers.  \nPARAMETER stop user:\nPARAMETER temperature 0.30\nPARAMETER num_ctx 4096.0\nPARAMETER stop <|eot_id|>\nPARAMETER top_k 40\nTEMPLATE {{ .Prompt }}",
             drift: []),
        Case(name: "a blob path in FROM is not compared",
             deployed: expected.replacingOccurrences(of: "FROM llama3.2:3b", with: "FROM /usr/share/ollama/.ollama/models/blobs/sha256-dde5aa3f"),
             drift: []),
        Case(name: "FROM follows Ollama's name rules", deployed: expected.replacingOccurrences(of: "FROM llama3.2:3b", with: "FROM Llama3.2:3B"), drift: []),
        Case(name: "a different base model",
             deployed: expected.replacingOccurrences(of: "FROM llama3.2:3b", with: "FROM llama3.1:8b"),
             drift: [Drift(key: "FROM", expected: "llama3.2:3b", deployed: "llama3.1:8b")]),
        Case(name: "changed and missing parameters",
             deployed: "FROM llama3.2:3b\nSYSTEM You give short answers.\nPARAMETER temperature 0.7\nPARAMETER stop <|eot_id|>\n",
             drift: [Drift(key: "num_ctx", expected: "4096", deployed: nil),
                     Drift(key: "stop", expected: "<|eot_id|>, user:", deployed: "<|eot_id|>"),
                     Drift(key: "temperature", expected: "0.3", deployed: "0.7")]),
        Case(name: "a different system prompt",
             deployed: expected.replacingOccurrences(of: "You give short answers.", with: "You are verbose."),
             drift: [Drift(key: "SYSTEM", expected: "You give short answers.", deployed: "You are verbose.")]),
        Case(name: "no system prompt deployed",
             deployed: "FROM llama3.2:3b\nPARAMETER temperature 0.3\nPARAMETER num_ctx 4096\nPARAMETER stop <|eot_id|>\nPARAMETER stop user:",
             drift: [Drift(key: "SYSTEM", expected: "You give short answers.", deployed: nil)]),
    ]

    @Test(arguments: cases)
    func `drift names each differing key with expected and deployed values`(_ testCase: Case) throws {
        let drift = try Modelfile.parse(Self.expected).drift(from: Modelfile.parse(testCase.deployed))
        #expect(drift == testCase.drift)
    }

    @Test func `drift reads as a sentence`() {
        #expect(Drift(key: "temperature", expected: "0.3", deployed: "0.7").description == "temperature: expected '0.3', deployed '0.7'")
        #expect(Drift(key: "num_ctx", expected: "4096", deployed: nil).description == "num_ctx: expected '4096', deployed not set")
    }
}
