import Foundation

extension LeadTextAnalysis {
    /// The amount at `numbers[index]` with a glued or following multiplier and currency, or a currency written
    /// before it (after `floor`). Nil when the number is not an amount: a percentage, "14h", "2nd", "30people".
    func amount(at index: Int, floor: Int) -> LeadAmount? {
        let bytes = self.bytes
        let count = bytes.count
        let number = numbers[index]
        var reading = LeadAmount(
            start: number.start, end: number.end, written: number.value, multiplier: 1, currency: nil, isPlain: number.isPlain)
        var needsCurrency = false
        if reading.end < count, LeadText.isLetter(bytes[reading.end]) {
            let wordEnd = text.letterRunEnd(from: reading.end)
            guard let suffix = LeadAmountSuffix.of(bytes[reading.end..<wordEnd]) else { return nil }
            if suffix.isBareE, number.value < 10 { return nil }
            reading.multiplier = suffix.multiplier
            reading.currency = suffix.currency
            needsCurrency = suffix.needsCurrency
            reading.end = wordEnd
        }
        var position = text.skipSpaces(from: reading.end, limit: 2)
        if !reading.hasMultiplier, !needsCurrency, let word = match(startingAt: position, { $0.isMultiplier }),
            case .multiplier(let factor) = word.cue
        {
            reading.multiplier = factor
            reading.end = word.end
            position = text.skipSpaces(from: reading.end, limit: 2)
        }
        if reading.currency == nil, position < count {
            readCurrency(after: position, into: &reading)
        }
        let after = text.skipSpaces(from: reading.end, limit: 2)
        if after < count, bytes[after] == 0x25 { return nil }
        if reading.currency == nil {
            readCurrency(before: number.start, floor: floor, into: &reading)
        }
        if needsCurrency, reading.currency == nil { return nil }
        return reading
    }

    private func readCurrency(after position: Int, into reading: inout LeadAmount) {
        let bytes = self.bytes
        switch bytes[position] {
        case LeadText.euro:
            reading.currency = .eur
            reading.end = position + 1
        case LeadText.pound:
            reading.currency = .gbp
            reading.end = position + 1
        case 0x24:
            reading.currency = .usd
            reading.end = position + 1
            let letters = text.letterRunEnd(from: position + 1)
            switch String(decoding: bytes[(position + 1)..<letters], as: UTF8.self) {
            case "ca", "can", "cad":
                reading.currency = .cad
                reading.end = letters
            case "us", "usd":
                reading.end = letters
            default: break
            }
        default:
            if let word = match(startingAt: position, { $0.isCurrency }), case .currency(let currency) = word.cue {
                reading.currency = currency
                reading.end = word.end
            }
        }
    }

    private func readCurrency(before start: Int, floor: Int, into reading: inout LeadAmount) {
        let bytes = self.bytes
        var position = start
        while position > floor, position > 0, bytes[position - 1] == 0x20, start - position < 2 { position -= 1 }
        guard position > floor, position > 0 else { return }
        if let word = match(endingAt: position, { $0.isCurrency }), word.end - word.start <= 4, word.start >= floor,
            case .currency(let currency) = word.cue
        {
            reading.currency = currency
            reading.start = word.start
            return
        }
        switch bytes[position - 1] {
        case LeadText.euro: reading.currency = .eur
        case LeadText.pound: reading.currency = .gbp
        case 0x24: reading.currency = .usd
        default: return
        }
        reading.start = position - 1
    }

    /// The letters just before `position` (skipping separators), e.g. "entre" before "500 et 800".
    func word(before position: Int) -> String {
        let end = text.skipSpacesBackward(from: position)
        var start = end
        while start > 0, LeadText.isLetter(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The letters starting at `position`.
    func word(at position: Int) -> String {
        guard position < bytes.count else { return "" }
        return String(decoding: bytes[position..<text.letterRunEnd(from: position)], as: UTF8.self)
    }
}

extension LeadCue {
    var isMultiplier: Bool { if case .multiplier = self { true } else { false } }
    var isCurrency: Bool { if case .currency = self { true } else { false } }
    var isPeriod: Bool { if case .period = self { true } else { false } }
}
