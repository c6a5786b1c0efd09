import ArgumentParser
import Foundation
import Scoring

struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv", abstract: "Customer lifetime value (BG/NBD + Gamma-Gamma) from a CSV of transactions: customer_id,date,amount.")

    @Option(help: "CSV file with the columns customer_id,date,amount.") var transactions: String
    @Option(help: "End of the calibration period, YYYY-MM-DD.") var calibrationEnd: String
    @Option(help: "Prediction horizon in weeks.") var horizonWeeks = 39.0
    @Flag(help: "Print the full report as JSON.") var json = false

    func run() async throws {
        guard let end = TransactionCSV.parseDay(calibrationEnd) else {
            throw ValidationError("--calibration-end: \"\(calibrationEnd)\" is not a date YYYY-MM-DD")
        }
        guard horizonWeeks > 0, horizonWeeks <= 520 else { throw ValidationError("--horizon-weeks: between 0 and 520") }
        guard let text = try? String(contentsOfFile: transactions, encoding: .utf8) else {
            throw ValidationError("--transactions: cannot read \(transactions)")
        }
        let rows: [CustomerTransaction]
        do {
            rows = try TransactionCSV.parse(text)
        } catch {
            throw ValidationError("--transactions: \(error.field ?? ""): \(error.message)")
        }
        let report = CLVReport.make(transactions: rows, calibrationEnd: end, horizonWeeks: horizonWeeks)
        for warning in report.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if json {
            try JSONOutput.print(report, pretty: false)
            return
        }
        let fmt = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "–" }
        print(
            "BG/NBD   r \(fmt(report.bgnbd.r))  α \(fmt(report.bgnbd.alpha))  a \(fmt(report.bgnbd.a))  b \(fmt(report.bgnbd.b))  LL \(fmt(report.bgnbd.logLikelihood))"
        )
        print("Gamma-Gamma   p \(fmt(report.gammaGamma.p))  q \(fmt(report.gammaGamma.q))  γ \(fmt(report.gammaGamma.v))")
        print("\(report.customers.count) customers; top 10 by CLV over \(Int(horizonWeeks)) weeks:")
        for customer in report.customers.sorted(by: { $0.clv > $1.clv }).prefix(10) {
            print("  \(customer.id)\tP(alive) \(fmt(customer.pAlive))\tpurchases \(fmt(customer.expectedPurchases39w))\tCLV \(fmt(customer.clv))")
        }
    }
}
