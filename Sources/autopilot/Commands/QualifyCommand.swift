import ArgumentParser
import Foundation
import Scoring

struct QualifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify", abstract: "Qualify a lead from its free text (BANT, French or English): fields with evidence, score, tier.")

    @Argument(help: "The lead's message.") var text: String
    @Flag(help: "Print the qualification as JSON.") var json = false

    func run() async throws {
        let qualification = LeadQualifier(now: Date()).qualify(text)
        if json {
            try JSONOutput.print(qualification)
            return
        }
        print("tier \(qualification.tier.rawValue), score \(qualification.score)/100")
        if let budget = qualification.budget { print("  budget        \(budget.amount) \(budget.currency.rawValue) per \(budget.period.rawValue)") }
        print("  timeline      \(qualification.timeline?.rawValue ?? "–")")
        print("  decision      \(qualification.decisionMaker.map { $0 ? "decides" : "someone else decides" } ?? "–")")
        print("  fit           \(qualification.fit ? "yes" : "no")")
        print("  engagement    \(qualification.engagement)")
    }
}
