import AutopilotCore
import Channels
import Foundation
import Integrations
import Logging
import Storage

/// The worker's dropshipping step: queues supplier orders from new `order.placed` events, places due ones with their
/// suppliers (retrying transient failures with backoff), polls placed ones for tracking, syncs tracking to Shopify and
/// records `order.fulfilled`, and tells the team once about unroutable or failed orders. Does nothing until a supplier
/// is configured. Never throws: a failure is logged and the step is tried again on the next pass.
public struct DropshipPass: Sendable {
    public let dependencies: Dependencies
    /// The process-wide settings (the pass carries a tenant's own, over them, while it works on that tenant's orders).
    public var settings: DropshippingSettings
    /// Where team alerts go; nil: the log.
    public let slack: SlackWebhook?
    /// Opens the tenants' secret settings (supplier keys, shop tokens); nil: tenants' secrets are not read.
    public let cipher: SettingsCipher?

    public init(dependencies: Dependencies, settings: DropshippingSettings, slack: SlackWebhook?, cipher: SettingsCipher? = nil) {
        self.dependencies = dependencies
        self.settings = settings
        self.slack = slack
        self.cipher = cipher
    }

    /// Every tenant's settings: the process-wide ones with the tenant's own over them.
    func tenantSettings() async throws -> [String: DropshippingSettings] {
        var all: [String: DropshippingSettings] = [:]
        for tenant in try await dependencies.store.tenants() { all[tenant.id] = try await tenantSettings(tenantID: tenant.id) }
        return all
    }

    /// One tenant's settings: the process-wide ones with the tenant's own over them.
    public func tenantSettings(tenantID: String) async throws -> DropshippingSettings {
        let shop = try await ShopSettings.load(dependencies.store, tenantID: tenantID, cipher: cipher)
        return shop.values.isEmpty ? settings : settings.overlaid(with: shop, http: SupplierHTTP())
    }

    var store: any SupplierOrderStore { dependencies.store }

    /// Everything due at `now`; returns the work done (events queued, supplier orders moved, alerts sent).
    @discardableResult
    public func runDue(now: Date) async -> Int {
        await runDue(now: now) { try await tenantSettings() }
    }

    /// Everything due at `now`, with every tenant's settings as `read` gives them (the worker keeps them between rounds).
    @discardableResult
    public func runDue(now: Date, settings read: () async throws -> [String: DropshippingSettings]) async -> Int {
        var progress = 0
        do {
            let tenants = try await read()
            guard settings.isEnabled || tenants.values.contains(where: \.isEnabled) else { return 0 }
            progress += try await queue(store: store, tenants: tenants, now: now)
            progress += try await advanceDue(store: store, tenants: tenants, now: now)
            progress += try await alert(store: store, now: now)
        } catch {
            dependencies.logger.error("dropshipping pass failed; retrying on the next pass", metadata: ["error": "\(error)"])
        }
        return progress
    }

    /// Routes every tenant's new `order.placed` events into supplier orders.
    func queue(store: any SupplierOrderStore, tenants: [String: DropshippingSettings], now: Date) async throws -> Int {
        var total = 0
        for tenant in try await dependencies.store.tenants() {
            let settings = tenants[tenant.id] ?? self.settings
            guard settings.isEnabled else { continue }
            while true {
                let read = try await store.queueSupplierOrders(tenantID: tenant.id, limit: settings.batchSize) { events in
                    DropshipPlanner.plan(events, tenantID: tenant.id, settings: settings, now: now)
                }
                total += read
                if read < settings.batchSize { break }
            }
        }
        return total
    }

    /// Places or polls every supplier order due at `now`.
    func advanceDue(store: any SupplierOrderStore, tenants: [String: DropshippingSettings], now: Date) async throws -> Int {
        var total = 0
        while true {
            let claimed = try await store.claimDueSupplierOrders(now: now, lease: settings.lease, limit: settings.batchSize)
            var tally = IntegrationTally()
            for record in claimed {
                var pass = self
                pass.settings = tenants[record.tenantID] ?? settings
                let next = await pass.advance(record, now: now, tally: &tally)
                try await store.saveSupplierOrder(next)
            }
            try await dependencies.store.recordIntegrationOutcomes(tally, at: now)
            total += claimed.count
            if claimed.count < settings.batchSize { return total }
        }
    }

    /// One supplier order's next step; returns its new state. Supplier and Shopify answers are counted in `tally`
    /// (`integration_health` names `cj`, `bigbuy`, `shopify`).
    func advance(_ record: SupplierOrderRecord, now: Date, tally: inout IntegrationTally) async -> SupplierOrderRecord {
        var record = record
        record.updatedAt = now
        guard let supplier = Supplier(rawValue: record.supplier), let client = settings.clients[supplier] else {
            let variable = Supplier(rawValue: record.supplier)?.credentialVariable ?? "unknown supplier"
            record.lastError = "\(record.supplier) is not configured (\(variable))"
            record.nextAttemptAt = now.addingTimeInterval(settings.pollInterval)
            return record
        }
        switch record.status {
        case .pending: return await place(record, client: client, now: now, tally: &tally)
        case .placed: return await track(record, client: client, now: now, tally: &tally)
        case .shipped, .failed, .unroutable:
            record.nextAttemptAt = nil
            return record
        }
    }

    func place(_ record: SupplierOrderRecord, client: any SupplierClient, now: Date, tally: inout IntegrationTally) async -> SupplierOrderRecord {
        var record = record
        do {
            let contact = try await contact(of: record)
            let address = try ShippingAddress.read(record.details["shipping_address"]?.objectValue, fallbackPhone: contact?.phone)
            let request = SupplierOrderRequest(
                orderID: record.orderID, lines: DropshipPlanner.supplierLines(record), address: address, email: contact?.email)
            record.supplierOrderID = try await client.placeOrder(request)
            tally.success(record.supplier, kind: .supplier, at: now)
            record.status = .placed
            record.placedAt = now
            record.attempts = 0
            record.lastError = nil
            record.nextAttemptAt = now.addingTimeInterval(settings.pollInterval)
            dependencies.logger.info(
                "supplier order placed",
                metadata: ["order": "\(record.orderID)", "supplier": "\(record.supplier)", "id": "\(record.supplierOrderID ?? "")"])
        } catch let error as SupplierError {
            Self.count(error, tally: &tally, at: now)
            record.attempts += 1
            record.lastError = error.description
            if error.isTransient, record.attempts < settings.maximumAttempts {
                record.nextAttemptAt = now.addingTimeInterval(settings.backoff(afterAttempts: record.attempts))
            } else {
                record.status = .failed
                record.nextAttemptAt = nil
            }
        } catch {
            record.lastError = "\(error)"
            record.nextAttemptAt = now.addingTimeInterval(settings.backoff(afterAttempts: max(record.attempts, 1)))
        }
        return record
    }

    /// Counts a supplier's or Shopify's failure (not the order's own faults, such as a missing address field).
    static func count(_ error: SupplierError, tally: inout IntegrationTally, at now: Date) {
        for (name, kind) in [("cj", IntegrationKind.supplier), ("bigbuy", .supplier), ("shopify", .storefront)] where error.code.hasPrefix(name + "_")
        {
            tally.failure(name, kind: kind, at: now, error: error.description)
        }
    }

    func contact(of record: SupplierOrderRecord) async throws -> ContactRecord? {
        guard let id = record.details["contact_id"]?.stringValue else { return nil }
        return try await dependencies.store.contacts(ids: [id], tenantID: record.tenantID)[id]
    }
}
