import Foundation

/// Opaque pagination cursors: a position in the event log, not an offset, so pages stay stable while events arrive.
public enum EventCursor {
    public static func encode(_ seq: Int64) -> String {
        Data("e:\(seq)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ cursor: String) -> Int64? {
        var text = cursor
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8), decoded.hasPrefix("e:") else { return nil }
        return Int64(decoded.dropFirst(2))
    }
}
