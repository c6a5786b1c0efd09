import Foundation

/// A lead's text folded for matching — ASCII lower case, accents removed, spaces and dashes unified — with a map
/// from each folded byte back to the UTF-8 offset of the original Unicode scalar it came from.
struct LeadText: Sendable {
    static let euro: UInt8 = 0x01
    static let pound: UInt8 = 0x02
    static let otherLetter: UInt8 = 0x1E
    static let otherSymbol: UInt8 = 0x1F

    let original: String
    private(set) var bytes: [UInt8] = []
    /// `origins[i]` is the UTF-8 offset in `original` of the Unicode scalar that produced `bytes[i]`.
    private(set) var origins: [Int32] = []
    /// True when every scalar is its own `Character`, so scalar offsets are character offsets.
    private(set) var scalarsAreCharacters = true

    init(_ text: String) {
        original = text
        let estimated = text.utf8.count
        bytes.reserveCapacity(estimated)
        origins.reserveCapacity(estimated)
        var offset: Int32 = 0
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            append(value, origin: offset, previous: previous)
            previous = value
            offset &+= value < 0x80 ? 1 : (value < 0x800 ? 2 : (value < 0x1_0000 ? 3 : 4))
        }
    }

    var count: Int { bytes.count }

    private mutating func append(_ value: UInt32, origin: Int32, previous: UInt32) {
        if value < 0x80 {
            var byte = UInt8(value)
            switch byte {
            case 0x41...0x5A: byte += 0x20
            case 0x09, 0x0B, 0x0C: byte = 0x20
            case 0x0D: byte = 0x0A
            case 0x0A where previous == 0x0D:
                scalarsAreCharacters = false
            case 0x00...0x08, 0x0E...0x1F, 0x7F: byte = Self.otherSymbol
            default: break
            }
            bytes.append(byte)
            origins.append(origin)
            return
        }
        if value >= 0xC0 && value <= 0x24F {
            for byte in Self.latinFolds[Int(value - 0xC0)] {
                bytes.append(byte)
                origins.append(origin)
            }
            return
        }
        let mapped = Self.mapOther(value)
        if mapped == 0 {
            scalarsAreCharacters = false
            return
        }
        if !Self.isStandalone(value) { scalarsAreCharacters = false }
        bytes.append(mapped)
        origins.append(origin)
    }

    /// Maps a scalar outside ASCII and Latin-1/Extended-A/B; 0 means "drop it" (combining marks, zero-width joiners).
    private static func mapOther(_ value: UInt32) -> UInt8 {
        switch value {
        case 0x20AC: return euro
        case 0xA3: return pound
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x2028, 0x2029, 0x85: return 0x0A
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0xB4, 0x60: return 0x27
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return 0x22
        case 0x2010...0x2015, 0x2212: return 0x2D
        case 0x2026: return 0x2E
        case 0x2044, 0x2215: return 0x2F
        case 0xFF05: return 0x25
        case 0xFF1F, 0xBF: return 0x3F
        case 0x0300...0x036F, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF: return 0
        default:
            guard let scalar = Unicode.Scalar(value) else { return otherSymbol }
            return scalar.properties.isAlphabetic ? otherLetter : otherSymbol
        }
    }

    /// Whether a non-Latin scalar always forms a `Character` on its own (conservative).
    private static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x2FF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x214F: return true
        default: return false
        }
    }

    /// Folded bytes for U+00C0…U+024F: lower case, no diacritics ("É" → "e", "œ" → "oe", "ß" → "ss").
    private static let latinFolds: [[UInt8]] = (0xC0...0x24F).map { value in
        let special: [UInt32: String] = [
            0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xDF: "ss", 0xD8: "o", 0xF8: "o", 0x141: "l", 0x142: "l",
            0x110: "d", 0x111: "d", 0xD0: "d", 0xF0: "d", 0xDE: "th", 0xFE: "th", 0x131: "i", 0xD7: "x", 0xF7: "/",
        ]
        if let text = special[UInt32(value)] { return Array(text.utf8) }
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [otherSymbol] }
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.lowercased()
        let ascii = decomposed.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
        guard !ascii.isEmpty else { return [scalar.properties.isAlphabetic ? otherLetter : otherSymbol] }
        return ascii.map { UInt8($0.value) }
    }
}
