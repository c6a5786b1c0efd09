import Foundation

/// A number written in the text: "800", "1 500", "1.500", "1,500", "1.500,50", "2.5".
struct LeadNumber: Sendable {
    let start: Int
    let end: Int
    let value: Double
    /// Digits only, no separators or decimals.
    let isPlain: Bool
}

/// Finds numbers and phone numbers in folded text. Dates, times and digits inside words ("b2b", "Q3") are skipped.
enum LeadNumberScanner {
    struct Scan: Sendable {
        var numbers: [LeadNumber] = []
        var phones: [Range<Int>] = []
    }

    static func scan(_ text: LeadText) -> Scan {
        var scan = Scan()
        let bytes = text.bytes
        let count = bytes.count
        var index = 0
        while index < count {
            guard LeadText.isDigit(bytes[index]) else {
                index += 1
                continue
            }
            if index > 0, LeadText.isLetter(bytes[index - 1]) {
                while index < count, LeadText.isAlnum(bytes[index]) { index += 1 }
                continue
            }
            if let phone = phone(in: bytes, at: index) {
                scan.phones.append(phone)
                index = phone.upperBound
                continue
            }
            let number = parse(bytes, at: index)
            if isDateOrTime(bytes, start: index, end: number.end) {
                index = number.end
                while index < count, LeadText.isDigit(bytes[index]) || isDatePunctuation(bytes[index]) { index += 1 }
                continue
            }
            scan.numbers.append(number)
            index = max(number.end, index + 1)
        }
        return scan
    }

    private static func isDatePunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2F || byte == 0x3A || byte == 0x2E || byte == 0x2D
    }

    private static func isDateOrTime(_ bytes: [UInt8], start: Int, end: Int) -> Bool {
        if end + 1 < bytes.count, bytes[end] == 0x2F || bytes[end] == 0x3A || bytes[end] == 0x2E,
            LeadText.isDigit(bytes[end + 1])
        {
            return true
        }
        if start >= 2, bytes[start - 1] == 0x2F || bytes[start - 1] == 0x3A, LeadText.isDigit(bytes[start - 2]) {
            return true
        }
        return false
    }

    /// A phone number starting at `index`: "+33 6 12 34 56 78", "06 12 34 56 78", "0612345678", "(555) 123-4567".
    static func phone(in bytes: [UInt8], at index: Int) -> Range<Int>? {
        let count = bytes.count
        var start = index
        var hasPlus = false
        if index > 0, bytes[index - 1] == 0x2B {
            hasPlus = true
            start = index - 1
        } else if index > 0, bytes[index - 1] == 0x28 {
            start = index - 1
        }
        var position = index
        var digits = 0
        var groups: [Int] = []
        var separators: Set<UInt8> = []
        var end = index
        while true {
            var group = 0
            while position < count, LeadText.isDigit(bytes[position]) {
                group += 1
                position += 1
            }
            digits += group
            groups.append(group)
            end = position
            var next = position
            var run: [UInt8] = []
            while next < count, run.count < 3, [0x20, 0x2E, 0x2D, 0x28, 0x29].contains(bytes[next]) {
                run.append(bytes[next])
                next += 1
            }
            guard !run.isEmpty, next < count, LeadText.isDigit(bytes[next]), digits < 20 else { break }
            separators.formUnion(run)
            position = next
        }
        guard digits >= 8 else { return nil }
        if end < count, LeadText.isLetter(bytes[end]) { return nil }
        let groupedInThousands =
            (1...3).contains(groups[0]) && groups.dropFirst().allSatisfy { $0 == 3 }
            && separators.count == 1 && (separators.contains(0x20) || separators.contains(0x2E))
        let startsWithZero = bytes[index] == 0x30
        if hasPlus || (!groupedInThousands && digits >= 9) || (startsWithZero && digits >= 9) {
            return start..<end
        }
        return nil
    }

    /// Reads the number at `index`: thousands grouped by space, dot, comma or apostrophe, then decimals.
    static func parse(_ bytes: [UInt8], at index: Int) -> LeadNumber {
        let count = bytes.count
        var position = index
        var value = 0.0
        var leading = 0
        while position < count, LeadText.isDigit(bytes[position]) {
            value = value * 10 + Double(bytes[position] - 0x30)
            leading += 1
            position += 1
        }
        var isPlain = true
        var groupSeparator: UInt8?
        if leading <= 3, !(leading == 1 && bytes[index] == 0x30) {
            while position + 3 < count {
                let separator = bytes[position]
                guard [0x20, 0x2E, 0x2C, 0x27].contains(separator), groupSeparator == nil || groupSeparator == separator,
                    LeadText.isDigit(bytes[position + 1]), LeadText.isDigit(bytes[position + 2]),
                    LeadText.isDigit(bytes[position + 3]),
                    position + 4 >= count || !LeadText.isDigit(bytes[position + 4])
                else { break }
                value =
                    value * 1000 + Double(bytes[position + 1] - 0x30) * 100 + Double(bytes[position + 2] - 0x30) * 10
                    + Double(bytes[position + 3] - 0x30)
                groupSeparator = separator
                isPlain = false
                position += 4
            }
        }
        if position + 1 < count, bytes[position] == 0x2E || bytes[position] == 0x2C, bytes[position] != groupSeparator,
            LeadText.isDigit(bytes[position + 1])
        {
            var scale = 0.1
            position += 1
            while position < count, LeadText.isDigit(bytes[position]) {
                value += Double(bytes[position] - 0x30) * scale
                scale /= 10
                position += 1
            }
            isPlain = false
        }
        return LeadNumber(start: index, end: position, value: value.isFinite ? value : 0, isPlain: isPlain)
    }
}
