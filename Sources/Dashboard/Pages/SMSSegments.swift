import Foundation

/// How many SMS a text takes: GSM-7 texts fit 160 characters in one message and 153 per part when split (the
/// extension characters `^{}\[~]|€` and form feed count twice); any other character makes the whole text UCS-2, 70 in
/// one message and 67 per part (UTF-16 units).
struct SMSSegments: Equatable {
    enum Encoding: String {
        case gsm7, ucs2
    }

    let encoding: Encoding
    /// Characters as the network counts them (septets for GSM-7, UTF-16 units for UCS-2).
    let length: Int
    let segments: Int

    static let basic: Set<Unicode.Scalar> = Set((
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    init(_ text: String) {
        var septets = 0
        var isGSM = true
        for character in text.unicodeScalars {
            if Self.basic.contains(character) {
                septets += 1
            } else if Self.extended.contains(character) {
                septets += 2
            } else {
                isGSM = false
                break
            }
        }
        if isGSM {
            encoding = .gsm7
            length = septets
            segments = septets == 0 ? 0 : (septets <= 160 ? 1 : (septets + 152) / 153)
        } else {
            encoding = .ucs2
            length = text.utf16.count
            segments = length <= 70 ? 1 : (length + 66) / 67
        }
    }
}
