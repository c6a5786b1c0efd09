import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Integrations

struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Orders and their dropshipping suppliers.", subcommands: [Route.self])

    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How an order's lines split between suppliers (by SKU prefix), and its supplier orders' states.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @Option(help: "The shop's order id (order_id of order.placed).") var order: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let routing = try DropshippingSettings.fromEnvironment(ProcessInfo.processInfo.environment).routing
            let orderID = order
            let report = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                try await OrderRoutingReport.load(
                    store: store, tenantID: try await CommandLineSetup.tenantID(tenant, store: store), orderID: orderID, routing: routing)
            }
            guard let report else {
                throw AutopilotCore.ValidationError(code: "unknown_order", field: "--order", message: "no order with id \"\(orderID)\"")
            }
            if json {
                try JSONOutput.print(report)
                return
            }
            print("order \(report.orderID)")
            for group in report.suppliers {
                print("  \(Supplier(rawValue: group.supplier)?.displayName ?? group.supplier):")
                for line in group.lines { print("    \(line.sku) ×\(line.quantity) → reference \(line.reference)") }
            }
            if !report.unroutable.isEmpty {
                print("  unroutable (pending a person):")
                for line in report.unroutable { print("    \(line.sku.isEmpty ? "(no SKU)" : line.sku) ×\(line.quantity): \(line.reason)") }
            }
            if report.supplierOrders.isEmpty {
                print("  no supplier order yet")
            }
            for state in report.supplierOrders {
                var text = "  \(state.supplier): \(state.status)"
                if let id = state.supplierOrderID { text += ", supplier order \(id)" }
                if let tracking = state.trackingNumber { text += ", tracking \(tracking)" + (state.carrier.map { " (\($0))" } ?? "") }
                if state.attempts > 0 { text += ", \(state.attempts) attempt(s)" }
                if let next = state.nextAttemptAt { text += ", next \(next)" }
                if let error = state.lastError { text += "; last error: \(error)" }
                print(text)
            }
        }
    }
}
