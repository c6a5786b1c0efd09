import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Scoring

struct QualifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify", abstract: "Qualify a lead from its free text (BANT, French or English): fields with evidence, score, tier.")

    @Argument(help: "The lead's message.") var text: String
    @Flag(help: "Print the qualification as JSON.") var json = false

    func run() async throws {
        let ai = try AIServices.transient(ProcessInfo.processInfo.environment)
        let qualification: LeadQualification
        do {
            qualification = try await LeadQualificationService(clock: SystemClock(), ai: ai, tenantID: "cli").qualify(text: text)
        } catch let error as AutopilotCore.ValidationError {
            throw ArgumentParser.ValidationError("\(error.field ?? "text"): \(error.message)")
        }
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
        let modelFields = qualification.evidence.fieldsFromModel
        if !modelFields.isEmpty { print("  from the model: \(modelFields.joined(separator: ", "))") }
    }
}
