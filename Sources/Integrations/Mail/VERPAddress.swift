import Foundation

/// Variable envelope return paths: each email leaves with the envelope sender `bounce+<message id>@domain`, so a bounce
/// that comes back to that address names the message it is about even when the report quotes nothing of it.
public enum VERPAddress {
    /// `bounce@shop.example` and `ms_42` → `bounce+ms_42@shop.example`; nil when the base is not `local@domain` or the id
    /// holds characters other than letters, digits, `_`, `-` and `.`.
    public static func address(base: String, messageID: String) -> String? {
        guard let at = base.lastIndex(of: "@"), at != base.startIndex, base.index(after: at) != base.endIndex, isTag(messageID) else { return nil }
        let local = base[..<at].split(separator: "+").first.map(String.init) ?? String(base[..<at])
        return local + "+" + messageID + base[at...]
    }

    /// The message id an address carries: `bounce+ms_42@shop.example` → `ms_42`, when its local part before `+` is the
    /// base's (any local part when `base` is nil).
    public static func messageID(in address: String, base: String?) -> String? {
        let bare = InboundEmail.address(address) ?? address
        guard let at = bare.lastIndex(of: "@"), let plus = bare[..<at].firstIndex(of: "+") else { return nil }
        if let base, let baseAt = base.lastIndex(of: "@") {
            guard bare[..<plus].lowercased() == base[..<baseAt].lowercased(),
                bare[bare.index(after: at)...].lowercased() == base[base.index(after: baseAt)...].lowercased()
            else { return nil }
        }
        let tag = String(bare[bare.index(after: plus)..<at])
        return isTag(tag) ? tag : nil
    }

    static func isTag(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 120 && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)) }
    }
}
