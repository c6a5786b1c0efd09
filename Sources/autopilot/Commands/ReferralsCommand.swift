import ArgumentParser
import Engine
import Foundation

struct ReferralsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals", abstract: "Referral codes issued by the referral flow and the first orders each brought.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
    @Flag(help: "Print JSON (as GET /v1/referrals).") var json = false

    func run() async throws {
        let report = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
            try await ReferralReport.load(store: store, tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
        }
        if json {
            try JSONOutput.print(report)
            return
        }
        for referrer in report.referrers {
            print(
                "\(referrer.code)  \(referrer.contact)  invited \(referrer.invitedAt.prefix(10))  \(referrer.conversions) referred, \(referrer.revenue) revenue"
            )
            for friend in referrer.referred {
                print("    \(friend.convertedAt.prefix(10))  \(friend.contact)  order \(friend.orderID)  \(friend.total) \(friend.currency ?? "")")
            }
        }
        print("\(report.codes) codes, \(report.conversions) conversions, \(report.revenue) revenue")
    }
}
