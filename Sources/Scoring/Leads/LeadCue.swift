import Foundation

/// What a matched phrase means to the qualification rules.
enum LeadCue: Sendable, Hashable {
    /// A phrase naming when to start ("cette semaine", "next quarter").
    case timeline(LeadTimeline)
    /// A phrase saying there is no hurry ("pas pressé", "no rush"): later, unless a firmer timeline is stated.
    case noRush
    /// A unit of time and its length in days ("mois" → 30), read with a number and a preposition.
    case timeUnit(days: Int)
    /// A number written in words ("deux", "a couple of").
    case numberWord(Int)
    /// A word that introduces a delay ("dans", "in", "d'ici", "within").
    case timePreposition
    /// "prochains" in "les 3 prochains mois".
    case nextWord
    /// The writer decides (true) or someone else decides or approves (false).
    case decides(Bool)
    /// The business fits: e-commerce, a platform, dropshipping, B2B or an SME.
    case fit
    /// A request for a call, meeting, demo or quote.
    case contactRequest
    /// A question asked without a question mark ("pouvez-vous", "can you").
    case question
    /// A word that introduces a budget, with its weight: 3 for "budget", "investir", "enveloppe"; 2 for weaker words
    /// ("spend", "max", "entre").
    case budgetKeyword(Int)
    /// A word that makes a nearby amount something other than a budget (revenue, price, per order).
    case budgetNegative
    case currency(LeadCurrency)
    case period(BudgetPeriod)
    /// "k", "mille", "thousand", "million" after a number.
    case multiplier(Double)
    /// A short word allowed after an amount without a currency ("pour", "and").
    case amountFiller
    /// A word that may stand between an amount and its period ("HT", "max", "environ").
    case amountQualifier
    /// A number word read as part of an amount ("deux mille", "five hundred"): a value and how it combines.
    case amountWord(Int, LeadAmountWordRole)
    /// A month (1–12) named as a date: "mars", "September"; read as a delay only with a reference date.
    case calendarMonth(Int)
    /// A quarter, a half or "la rentrée" named as a date ("Q3", "T1", "premier trimestre"): its first month and its
    /// length in months.
    case calendarPeriod(month: Int, months: Int)
    /// A word that places a date: "d'ici", "avant", "by", "from", "début", "mi", "fin", "end of".
    case dateMarker(LeadDateAnchor)
    /// A month name: a number beside it is a date.
    case monthName
    /// Masks shorter phrases of its family inside it ("call center" masks "call").
    case mask(LeadCueFamily)

    var family: LeadCueFamily {
        switch self {
        case .timeline, .noRush: .timeline
        case .timeUnit, .numberWord, .timePreposition, .nextWord: .duration
        case .decides: .decisionMaker
        case .fit: .fit
        case .contactRequest, .question: .engagement
        case .budgetKeyword, .budgetNegative: .budgetContext
        case .currency: .currency
        case .period: .period
        case .multiplier: .multiplier
        case .amountFiller, .amountQualifier: .amountFiller
        case .monthName: .monthName
        case .amountWord: .amountWord
        case .calendarMonth, .calendarPeriod: .calendar
        case .dateMarker: .dateMarker
        case .mask(let family): family
        }
    }
}

/// Groups of cues; a longer phrase masks shorter ones of the same family inside it.
enum LeadCueFamily: Sendable, Hashable {
    case timeline, duration, decisionMaker, fit, engagement, budgetContext, currency, period, multiplier, amountFiller
    case monthName, amountWord, calendar, dateMarker
}

/// Which day of a named month a date phrase points at.
enum LeadDateAnchor: Sendable, Hashable {
    case start, middle, end
}

/// How a number word combines with the words before it.
enum LeadAmountWordRole: Sendable, Hashable {
    /// Added: "vingt", "five".
    case add
    /// Multiplies the group before it: "cent", "hundred".
    case hundred
    /// Multiplies everything before it and closes the group: "mille", "thousand".
    case thousand
    /// Joins words: "et" in "vingt et un", "and" in "one hundred and fifty".
    case joiner
}
