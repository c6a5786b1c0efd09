import Content
import Foundation

/// Which language a page speaks: the user's own setting, else the browser's `Accept-Language`, else French.
enum PageLanguage {
    static func choose(userSetting: String?, acceptLanguage: String?) -> ContentLanguage {
        if let userSetting, let language = ContentLanguage(rawValue: userSetting.lowercased()) { return language }
        return fromAcceptLanguage(acceptLanguage) ?? .french
    }

    /// The first of French or English by the header's weights (`en-GB;q=0.8, fr;q=0.9` → French).
    static func fromAcceptLanguage(_ header: String?) -> ContentLanguage? {
        guard let header else { return nil }
        var best: (language: ContentLanguage, weight: Double)?
        for (position, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = ContentLanguage(rawValue: primary) else { continue }
            var weight = 1.0 - Double(position) * 0.0001
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") {
                weight = (Double(piece.dropFirst(2)) ?? 0) - Double(position) * 0.0001
            }
            if weight > 0, weight > (best?.weight ?? -1) { best = (language, weight) }
        }
        return best?.language
    }
}
