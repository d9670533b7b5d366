import Foundation

/// The one mapping between a result's (id, model) and its attachment file name.
///
/// Model names may hold "/" (`team/alpha`), ":" (`alpha:7b`), upper case and any unicode; Swift Testing saves
/// an attachment whose name is not a plain file name as `untitled-*`, and the runner would never see it. So
/// every byte outside `[a-z0-9_-]` is percent-encoded as `%XX` (upper-case hex), "." included: the parts then
/// cannot contain the "." that separates them, the name never starts with "." (hidden), and two different
/// results never get names that differ only in case (macOS file systems ignore case). The JSON's own `id`
/// and `model` stay authoritative; the name only has to agree with them.
extension CriterionResult {
    /// The attachment name of a result of `id` for `model` (`nil`: fleet-wide) on `host` (`nil`: no host named).
    package static func attachmentName(id: String, model: String?, host: String? = nil) -> String {
        let parts = host.map { [id, model ?? "", $0] } ?? [id] + (model.map { [$0] } ?? [])
        return parts.map(encodeAttachmentPart).joined(separator: ".") + attachmentSuffix
    }

    /// The id, model and host an attachment name stands for; `nil` when it is not a name `attachmentName` makes.
    package static func parseAttachmentName(_ name: String) -> (id: String, model: String?, host: String?)? {
        guard name.hasSuffix(attachmentSuffix) else { return nil }
        let parts = name.dropLast(attachmentSuffix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let decoded = parts.map { decodeAttachmentPart(String($0)) }
        guard let id = decoded[0], !id.isEmpty else { return nil }
        if parts.count == 1 { return (id, nil, nil) }
        guard let model = decoded[1], parts.count == 3 || !model.isEmpty else { return nil }
        if parts.count == 2 { return (id, model, nil) }
        guard let host = decoded[2], !host.isEmpty else { return nil }
        return (id, model.isEmpty ? nil : model, host)
    }

    /// `team/Alpha:7b` → `team%2F%41lpha%3A7b`.
    static func encodeAttachmentPart(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if isPlain(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += escape(byte)
            }
        }
        return encoded
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    private static func escape(_ byte: UInt8) -> String {
        "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// The inverse of `encodeAttachmentPart`; `nil` for text it cannot have made (a stray "%", lower-case hex,
    /// a byte that needed no escape, invalid UTF-8), so each name has exactly one meaning.
    static func decodeAttachmentPart(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                guard isPlain(byte) else { return nil }
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next() else { return nil }
            let digits = String(decoding: [high, low], as: UTF8.self)
            guard let value = UInt8(digits, radix: 16), !isPlain(value), escape(value) == "%" + digits else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
