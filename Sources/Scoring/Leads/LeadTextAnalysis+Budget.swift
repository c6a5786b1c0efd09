import Foundation

extension LeadTextAnalysis {
    /// The budget the text states: the strongest amount that has a currency or follows a budget word, and is not
    /// revenue, a price, a percentage, a count, a date or a phone number. Ranges give their lower bound.
    func readBudget(defaultCurrency: LeadCurrency) -> BudgetReading? {
        var best: BudgetReading?
        var index = 0
        var floor = 0
        while index < numbers.count {
            guard let first = amount(at: index, floor: floor) else {
                index += 1
                continue
            }
            var next = index + 1
            var last = first
            var lower = first
            if let range = rangeEnd(after: first, at: index) {
                lower = range.lower
                last = range.upper
                next = index + 2
            }
            floor = last.end
            if let reading = budgetReading(lower: lower, last: last, isRange: next == index + 2, defaultCurrency: defaultCurrency),
                reading.strength > (best?.strength ?? Int.min)
            {
                best = reading
            }
            index = next
        }
        return best
    }

    private func rangeEnd(after first: LeadAmount, at index: Int) -> (lower: LeadAmount, upper: LeadAmount)? {
        guard index + 1 < numbers.count else { return nil }
        var position = text.skipSpaces(from: first.end, limit: 2)
        guard position < bytes.count else { return nil }
        let connector: String
        if bytes[position] == 0x2D || bytes[position] == 0x7E {
            connector = "-"
            position += 1
        } else {
            connector = word(at: position)
            guard Self.rangeConnectors.contains(connector) else { return nil }
            position += connector.utf8.count
            if connector == "jusqu" { position = text.skipSpaces(from: position + 1, limit: 2) + 1 }
        }
        position = text.skipSpaces(from: position, limit: 2)
        guard numbers[index + 1].start - position <= 2, numbers[index + 1].start >= position,
            var upper = amount(at: index + 1, floor: first.end)
        else { return nil }
        var lower = first
        let opener = word(before: first.start)
        switch connector {
        case "et", "and":
            guard Self.rangeOpeners.contains(opener) else { return nil }
        case "ou", "or":
            guard upper.currency != nil || upper.hasMultiplier || lower.currency != nil else { return nil }
        default: break
        }
        if !lower.hasMultiplier, upper.hasMultiplier, lower.written < upper.written { lower.multiplier = upper.multiplier }
        if !upper.hasMultiplier, lower.hasMultiplier, upper.written < lower.written { upper.multiplier = lower.multiplier }
        if let a = lower.currency, let b = upper.currency, a != b { return nil }
        guard lower.value <= upper.value else { return nil }
        lower.currency = lower.currency ?? upper.currency
        return (lower, upper)
    }

    private static let rangeConnectors: Set<String> = ["to", "a", "au", "et", "and", "ou", "or", "jusqu", "till", "until"]
    private static let rangeOpeners: Set<String> = ["entre", "between", "from", "de", "du", "btw"]

    private func budgetReading(lower: LeadAmount, last: LeadAmount, isRange: Bool, defaultCurrency: LeadCurrency)
        -> BudgetReading?
    {
        var end = last.end
        var period = readPeriod(after: &end)
        let periodFollows = period != nil
        var currency = lower.currency
        if currency == nil { currency = currencyNamedLater(after: end, end: &end) }
        if period == nil, let before = periodBefore(lower.start) { period = before }
        let sentence = text.sentenceStart(before: lower.start, limit: 64)
        let cue = lastMatch(in: sentence, lower.start) { $0.family == .budgetContext }
        var keywordWeight = 0
        if let cue, case .budgetKeyword(let weight) = cue.cue { keywordWeight = weight }
        if keywordWeight == 0, match(startingAt: text.skipSpaces(from: end, limit: 2), { $0 == .budgetKeyword(3) }) != nil {
            keywordWeight = 3
        }
        if keywordWeight == 0, currency == nil, period != nil, periodFollows, lower.value >= 50 { keywordWeight = 1 }
        let hasKeyword = keywordWeight > 0
        if let cue, case .budgetNegative = cue.cue { return nil }
        if Self.revenueWords.contains(word(before: lower.start)) { return nil }
        if isNegative(after: end) { return nil }
        if currency == nil {
            guard hasKeyword, acceptsBareAmount(lower, end: end, period: period) else { return nil }
        }
        let strength = (currency != nil ? 4 : 0) + keywordWeight + (period != nil ? 1 : 0) + (isRange ? 1 : 0)
        let amount = (lower.value * 100).rounded() / 100
        guard amount.isFinite, amount >= 0 else { return nil }
        let rule = isRange ? "budget.range" : (currency != nil ? "budget.currency" : "budget.keyword")
        let budget = LeadBudget(amount: amount, currency: currency ?? defaultCurrency, period: period ?? .month)
        return BudgetReading(budget: budget, start: lower.start, end: end, rule: rule, strength: strength)
    }

    /// A period right after the amount: "/mois", "par an", "HT par mois", "a month".
    private func readPeriod(after end: inout Int) -> BudgetPeriod? {
        var position = text.skipSpaces(from: end, limit: 2)
        for _ in 0..<3 {
            guard position < bytes.count else { return nil }
            if bytes[position] == 0x2F {
                let wordStart = text.skipSpaces(from: position + 1, limit: 1)
                let unit = word(at: wordStart)
                let period: BudgetPeriod? =
                    Self.monthUnits.contains(unit) ? .month : (Self.yearUnits.contains(unit) ? .year : nil)
                if period != nil { end = wordStart + unit.utf8.count }
                return period
            }
            if let match = match(startingAt: position, { $0.isPeriod }), case .period(let period) = match.cue {
                end = match.end
                return period
            }
            guard let qualifier = match(startingAt: position, { $0 == .amountQualifier }) else { return nil }
            position = text.skipSpaces(from: qualifier.end, limit: 2)
        }
        return nil
    }

    /// Words right before an amount that make it revenue: "CA 2M€", "ARR 500k".
    private static let revenueWords: Set<String> = ["ca", "arr", "mrr", "gmv", "revenue", "turnover", "sales", "ventes"]

    private static let monthUnits: Set<String> = ["mois", "m", "mo", "month", "mth", "mon", "moi", "mn"]
    private static let yearUnits: Set<String> = ["an", "y", "yr", "year", "annee", "ans", "a"]

    /// "en dollars", "in USD" after an amount written without a currency.
    private func currencyNamedLater(after end: Int, end newEnd: inout Int) -> LeadCurrency? {
        let position = text.skipSpaces(from: end, limit: 2)
        let preposition = word(at: position)
        guard preposition == "en" || preposition == "in" else { return nil }
        let next = text.skipSpaces(from: position + 2, limit: 2)
        guard let match = match(startingAt: next, { $0.isCurrency }), case .currency(let currency) = match.cue else { return nil }
        newEnd = match.end
        return currency
    }

    /// A period said before the amount in the same clause: "budget annuel de 12 000 €".
    private func periodBefore(_ start: Int) -> BudgetPeriod? {
        let clause = text.clauseStart(before: start, limit: 48)
        guard let match = lastMatch(in: clause, start, { $0.isPeriod }), case .period(let period) = match.cue else { return nil }
        return period
    }

    private func isNegative(after end: Int) -> Bool {
        var position = text.skipSpaces(from: end, limit: 2)
        for _ in 0..<2 {
            if match(startingAt: position, { $0 == .budgetNegative }) != nil { return true }
            let filler = word(at: position)
            guard ["de", "d", "of", "in", "en", "du", "on", "sur", "for", "pour", "dans", "into", "au", "a"].contains(filler)
            else { return false }
            position = text.skipSpaces(from: position + filler.utf8.count, limit: 2)
        }
        return false
    }

    /// An amount without a currency counts after a budget word only when it reads as money: not a year, a count
    /// ("400 commandes"), a date ("le 15 mars") or a tiny number.
    private func acceptsBareAmount(_ amount: LeadAmount, end: Int, period: BudgetPeriod?) -> Bool {
        if amount.value < 10 { return false }
        if amount.isPlain, !amount.hasMultiplier, (1900...2100).contains(amount.written), period == nil { return false }
        if Self.dateWordsBefore.contains(word(before: amount.start)) { return false }
        if let before = match(endingAt: text.skipSpacesBackward(from: amount.start), { $0 == .monthName }), before.end > 0 {
            return false
        }
        let next = text.skipSpaces(from: end, limit: 2)
        guard next < bytes.count, LeadText.isLetter(bytes[next]) else { return true }
        return match(startingAt: next) { $0.family == .amountFiller || $0.isPeriod || $0.family == .budgetContext } != nil
    }

    private static let dateWordsBefore: Set<String> = ["le", "du", "au", "depuis", "since", "numero", "no", "n", "vers", "num"]
}
