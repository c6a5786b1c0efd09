import Conversation
import Foundation
import Scoring
import Testing

@Suite("Qualification dialogue")
struct QualificationDialogueTests {
    let dialogue = QualificationDialogue()

    @Test func asksInTheVisitorsLanguageAndKeepsItForUnclearMessages() {
        var (state, step) = dialogue.start(language: .french)
        #expect(step.reply.contains("Bonjour"))
        (state, step) = dialogue.reply(to: "We want to recover abandoned carts", in: state)
        #expect(state.language == .english)
        #expect(step.reply.contains("?") && !step.reply.contains("Quel"))
        (state, step) = dialogue.reply(to: "Shopify", in: state)
        #expect(state.language == .english)
        #expect(step.askedField == .timeline)
        (state, step) = dialogue.reply(to: "le mois prochain", in: state)
        #expect(state.language == .french)
        #expect(step.reply.contains("décision") || step.reply.contains("décide"))
    }

    @Test func aDeclinedBudgetIsNeverAskedAgainAndScoredWithout() throws {
        var (state, step) = dialogue.start(language: .english)
        for text in ["rather not say", "ok", "fine"] {
            (state, step) = dialogue.reply(to: text, in: state)
        }
        #expect(state.declined == [.need])
        var (budgetState, budgetStep) = dialogue.reply(to: "I'd rather not give a budget, but we start next month", in: state)
        #expect(budgetState.declined.contains(.budget))
        #expect(budgetState.fields.timeline == .month)
        while budgetStep.finished == nil {
            #expect(budgetStep.askedField != .budget)
            (budgetState, budgetStep) = dialogue.reply(to: "no idea", in: budgetState)
        }
        let outcome = try #require(budgetStep.finished)
        #expect(outcome.qualification.budget == nil)
        #expect(outcome.declined.contains(.budget))
        #expect(outcome.summary.contains("Budget: not given"))
    }

    @Test func aSecondAskIsWordedDifferently() {
        var (state, first) = dialogue.start(language: .french)
        let second: DialogueStep
        (state, second) = dialogue.reply(to: "euh", in: state)
        #expect(first.askedField == .need && second.askedField == .need)
        #expect(first.reply != second.reply)
        #expect(state.askCounts[.need] == 2)
    }

    @Test func theSummaryListsEveryFieldInTheVisitorsLanguage() throws {
        var (state, step) = dialogue.start(language: .french)
        for text in ["relancer les paniers abandonnés", "Shopify", "cette semaine", "oui", "je préfère ne pas dire"] {
            (state, step) = dialogue.reply(to: text, in: state)
        }
        let outcome = try #require(step.finished)
        #expect(outcome.summary.contains("Besoin : relancer les paniers abandonnés"))
        #expect(outcome.summary.contains("Outils actuels : Shopify"))
        #expect(outcome.summary.contains("Délai : tout de suite"))
        #expect(outcome.summary.contains("Décideur : oui"))
        #expect(outcome.summary.contains("Budget : non communiqué"))
        #expect(outcome.qualification.score == 60)
        #expect(outcome.qualification.tier == .warm)
    }

    @Test func theStateRoundTripsThroughJSON() throws {
        var (state, _) = dialogue.start(language: .english)
        (state, _) = dialogue.reply(to: "We need more repeat orders, budget 1500 € per month", in: state)
        let data = try JSONEncoder().encode(state)
        let decoded = try JSONDecoder().decode(QualificationState.self, from: data)
        #expect(decoded == state)
        #expect(decoded.fields.budget?.amount == 1500)
        #expect(decoded.knows(.need))
    }

    @Test func theBudgetAnswerKeepsItsEvidenceInTheVisitorsText() throws {
        var (state, _) = dialogue.start(language: .english)
        for text in ["recover carts", "Shopify", "asap", "yes"] {
            (state, _) = dialogue.reply(to: text, in: state)
        }
        let (_, step) = dialogue.reply(to: "maybe 700", in: state)
        let outcome = try #require(step.finished)
        #expect(outcome.qualification.budget?.amount == 700)
        let range = try #require(outcome.qualification.evidence.budget.range)
        #expect(range.start >= 0 && range.end <= "maybe 700".count)
    }

    @Test func aFinishedDialogueStillHandsOverRequests() {
        var (state, step) = dialogue.reply(
            to: "Founder of a Shopify store, budget 2k a month, we start this week, we want to recover abandoned carts",
            in: QualificationState(language: .english))
        #expect(step.finished != nil)
        (state, step) = dialogue.reply(to: "Can I talk to a human please?", in: state)
        #expect(step.intent == .person)
        #expect(state.isFinished)
    }
}
