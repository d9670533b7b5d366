import Foundation
import OllamaKit

/// Decodes request bodies the way Ollama's handlers do with gin's `ShouldBindJSON`, with Go's error texts.
enum GoRequestDecoding {
    /// Ollama's answer to an empty body.
    static let missingBody = "missing request body"

    /// The deepest nesting of arrays and objects a body may have. Go's scanner allows 10,000 levels; the
    /// simulator's decoders (Foundation's and `JSONValue`'s) recurse per level on a connection thread's small
    /// stack, so it stops far sooner, with Go's message. Ollama's own requests nest a few levels.
    static let maximumNestingDepth = 100

    /// The request in `body`, or the message Ollama sends with its 400.
    /// - Parameter goType: The Go type's name, e.g. "api.GenerateRequest", used in type-mismatch messages.
    static func decode<Request: Decodable>(_ type: Request.Type, from body: [UInt8], goType: String) -> Result<Request, DecodeFailure> {
        guard body.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return .failure(DecodeFailure(message: missingBody))
        }
        let length: Int
        do {
            length = try GoJSONSyntax.scanFirstValue(body, maximumDepth: maximumNestingDepth)
        } catch let failure as GoJSONSyntax.Failure {
            return .failure(DecodeFailure(message: failure.message))
        } catch {
            return .failure(DecodeFailure(message: "\(error)"))
        }
        let value = Array(body.prefix(length))
        var tree = try? JSONDecoder().decode(JSONValue.self, from: Data(value))
        var document = value
        // Go decodes `null` into a struct as "nothing to set", leaving every field empty.
        if tree == .null { document = Array("{}".utf8) }
        if case .object(var members) = tree, let keepAlive = members["keep_alive"], let clamped = KeepAlive.clampedJSON(keepAlive) {
            members["keep_alive"] = clamped
            tree = .object(members)
            document = (try? Array(JSONEncoder().encode(tree))) ?? document
        }
        switch tree {
        case .object, .null: break
        default: return .failure(DecodeFailure(message: "json: cannot unmarshal \((tree?.kindName ?? "null")) into Go value of type \(goType)"))
        }
        do {
            return .success(try JSONDecoder().decode(Request.self, from: Data(document)))
        } catch DecodingError.typeMismatch(let expected, let context), DecodingError.valueNotFound(let expected, let context) {
            let structName = goType.split(separator: ".").last.map(String.init) ?? goType
            let field = context.codingPath.filter { $0.intValue == nil }.map(\.stringValue).joined(separator: ".")
            let found = tree?.value(at: context.codingPath)?.kindName ?? "null"
            return .failure(DecodeFailure(
                message: "json: cannot unmarshal \(found) into Go struct field \(structName).\(field) of type \(goName(expected))"))
        } catch DecodingError.dataCorrupted(let context) {
            return .failure(DecodeFailure(message: context.debugDescription))
        } catch {
            return .failure(DecodeFailure(message: "\(error)"))
        }
    }

    /// The deprecated `name` field older clients send instead of `model` (Go falls back to it with `cmp.Or`);
    /// "" when absent. Call it after `decode` accepted the body.
    static func legacyName(_ body: [UInt8]) -> String {
        (try? JSONDecoder().decode(LegacyName.self, from: Data(body)))?.name ?? ""
    }

    private struct LegacyName: Decodable {
        var name: String?
    }

    /// Why a body was rejected, with the text for `{"error": …}`.
    struct DecodeFailure: Error, Equatable {
        var message: String
    }

    /// The Go type a field of the given Swift type has in Ollama's `api` package.
    private static func goName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "bool"
        case is Int.Type: "int"
        case is Double.Type: "float64"
        case is [String].Type: "[]string"
        case is [Int].Type: "[]int"
        case is [Message].Type: "[]api.Message"
        case is Message.Type: "api.Message"
        case is [String: JSONValue].Type, is [String: Any].Type: "map[string]interface {}"
        default: "\(type)"
        }
    }
}
