import AutopilotCore
import Flows
import Foundation
import Storage

/// Folds a flow's experiment cells (the database's counts by group and variant) into ``FlowExperimentStats``: the holdout
/// and treatment groups, the lift with its 95 % interval and a sentence, the variants, and the split's decision. Pure.
enum FlowExperimentAnalysis {
    static func stats(definition: FlowDefinition?, record: FlowExperimentRecord, decision: SplitDecisionRecord?) -> FlowExperimentStats {
        let window = definition.map(windowSeconds) ?? 5 * 86_400
        var stats = FlowExperimentStats(conversionWindowDays: window / 86_400)
        let hasHoldout = definition?.holdout != nil || record.cells.contains { $0.group == FlowRunGroup.holdout.rawValue }
        if hasHoldout {
            var holdout = FlowExperimentStats.Group()
            var treatment = FlowExperimentStats.Group()
            holdout.finish()
            treatment.finish()
            for cell in record.cells {
                if cell.group == FlowRunGroup.holdout.rawValue { holdout.add(cell) } else { treatment.add(cell) }
            }
            stats.holdout = holdout
            stats.treatment = treatment
            if let lift = ExperimentStatistics.lift(
                treatmentConversions: treatment.conversions, treatmentEntrants: treatment.entrants, holdoutConversions: holdout.conversions,
                holdoutEntrants: holdout.entrants)
            {
                stats.lift = FlowExperimentStats.Lift(estimate: lift.estimate, low: lift.low, high: lift.high, confidence: lift.confidence)
            }
            stats.sentence = sentence(definition: definition, flowID: definition?.id ?? "", stats: stats)
        }
        if let split = definition?.split?.step {
            stats.variants = variantGroups(split, record: record)
        }
        if let decision {
            let figures = (try? JSONDecoder().decode([FlowExperimentStats.Group].self, from: Data(decision.figures.utf8))) ?? []
            stats.winner = FlowExperimentStats.Winner(
                variant: decision.winner, metric: decision.metric, test: decision.test, pValue: decision.pValue, confidence: decision.confidence,
                decidedBy: decision.decidedBy, decidedAt: Timestamp.format(decision.decidedAt), figures: figures)
        }
        return stats
    }

    static func windowSeconds(_ definition: FlowDefinition) -> TimeInterval {
        TimeInterval(definition.conversionWindow.days * 86_400 + definition.conversionWindow.seconds)
    }

    /// Every variant of the split, in the document's order, from the treatment runs that reached it.
    static func variantGroups(_ split: SplitStep, record: FlowExperimentRecord) -> [FlowExperimentStats.Group] {
        let total = split.variants.reduce(0) { $0 + $1.weight }
        return split.variants.map { variant in
            var group = FlowExperimentStats.Group(id: variant.id)
            group.weight = total > 0 ? (variant.weight / total * 1000).rounded() / 10 : nil
            group.finish()
            for cell in record.cells where cell.variant == variant.id && cell.group != FlowRunGroup.holdout.rawValue { group.add(cell) }
            return group
        }
    }

    /// The outcomes a winner is decided on (treatment runs only), with revenue moments per entrant.
    static func outcomes(_ split: SplitStep, record: FlowExperimentRecord) -> [VariantOutcome] {
        split.variants.map { variant in
            let cells = record.cells.filter { $0.variant == variant.id && $0.group != FlowRunGroup.holdout.rawValue }
            let entrants = cells.reduce(0) { $0 + $1.entrants }
            return VariantOutcome(
                id: variant.id, entrants: entrants, clickers: cells.reduce(0) { $0 + $1.clickers },
                conversions: cells.reduce(0) { $0 + $1.conversions },
                revenue: ExperimentStatistics.Moments(
                    count: entrants, sum: cells.reduce(0) { $0 + $1.revenue }, sumOfSquares: cells.reduce(0) { $0 + $1.revenueSquares }))
        }
    }

    /// "The “Abandoned cart” flow brought 14% more orders than no follow-up (95% CI 6% to 22%), on 1,240 carts."
    static func sentence(definition: FlowDefinition?, flowID: String, stats: FlowExperimentStats) -> FlowExperimentStats.Sentence {
        let name = definition?.name ?? flowID
        let entrants = (stats.treatment?.entrants ?? 0) + (stats.holdout?.entrants ?? 0)
        let (unitEN, unitFR) = units(definition)
        let countEN = "\(number(entrants, separator: ",")) \(entrants == 1 ? unitEN.0 : unitEN.1)"
        let countFR = "\(number(entrants, separator: "\u{202F}")) \(entrants == 1 ? unitFR.0 : unitFR.1)"
        guard let lift = stats.lift else {
            return FlowExperimentStats.Sentence(
                en: "Not enough orders yet to measure what the “\(name)” flow brings (\(countEN), \(stats.holdout?.entrants ?? 0) held out).",
                fr: "Pas encore assez de commandes pour mesurer ce qu'apporte le flux « \(name) » (\(countFR), "
                    + "\(stats.holdout?.entrants ?? 0) mis de côté).")
        }
        let percent = Int((abs(lift.estimate) * 100).rounded())
        let low = Int((lift.low * 100).rounded())
        let high = Int((lift.high * 100).rounded())
        let moreEN = lift.estimate >= 0 ? "more" : "fewer"
        let moreFR = lift.estimate >= 0 ? "en plus" : "en moins"
        let unclear = lift.low <= 0 && lift.high >= 0
        return FlowExperimentStats.Sentence(
            en: "The “\(name)” flow brought \(percent)% \(moreEN) orders than no follow-up (95% CI \(low)% to \(high)%), on \(countEN)."
                + (unclear ? " The difference is not yet clear." : ""),
            fr: "Le flux « \(name) » a apporté \(percent)\u{202F}% de commandes \(moreFR) que sans relance (IC 95\u{202F}% : \(low)\u{202F}% à "
                + "\(high)\u{202F}%), sur \(countFR)." + (unclear ? " La différence n'est pas encore nette." : ""))
    }

    private static func units(_ definition: FlowDefinition?) -> (en: (String, String), fr: (String, String)) {
        switch definition.flatMap({ FlowVocabulary.entityRoot(forTrigger: $0.trigger.eventType ?? "") })?.name ?? "" {
        case "cart": (("cart", "carts"), ("panier", "paniers"))
        case "order": (("order", "orders"), ("commande", "commandes"))
        default: (("entry", "entries"), ("entrée", "entrées"))
        }
    }

    private static func number(_ value: Int, separator: String) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += separator }
            text.append(digit)
        }
        return text
    }
}
