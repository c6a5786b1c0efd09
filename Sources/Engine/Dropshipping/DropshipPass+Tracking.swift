import AutopilotCore
import Channels
import Foundation
import Integrations
import Logging
import Storage

extension DropshipPass {
    /// Polls a placed order's tracking; once known, syncs it to Shopify and records `order.fulfilled`.
    func track(_ record: SupplierOrderRecord, client: any SupplierClient, now: Date, tally: inout IntegrationTally) async -> SupplierOrderRecord {
        var record = record
        do {
            if record.trackingNumber == nil {
                guard let id = record.supplierOrderID else {
                    record.status = .failed
                    record.lastError = "placed without a supplier order id"
                    record.nextAttemptAt = nil
                    return record
                }
                let answer = try await client.tracking(supplierOrderID: id)
                tally.success(record.supplier, kind: .supplier, at: now)
                guard let tracking = answer else {
                    record.nextAttemptAt = now.addingTimeInterval(settings.pollInterval)
                    return record
                }
                record.trackingNumber = tracking.number
                record.carrier = tracking.carrier
                record.trackingURL = tracking.url
            }
            let tracking = SupplierTracking(number: record.trackingNumber ?? "", carrier: record.carrier, url: record.trackingURL)
            let syncError = try await syncToShop(record, tracking: tracking, now: now)
            if let syncError {
                // The shop refuses for good (an order it does not know): the customer still hears of the parcel.
                Self.count(syncError, tally: &tally, at: now)
                dependencies.logger.warning(
                    "tracking not synced to the shop", metadata: ["order": "\(record.orderID)", "error": "\(syncError.description)"])
            } else if settings.shopify != nil {
                tally.success("shopify", kind: .storefront, at: now)
            } else if settings.wooCommerce != nil {
                tally.success("woocommerce", kind: .storefront, at: now)
            }
            try await recordFulfilled(record, tracking: tracking, now: now)
            record.status = .shipped
            record.shippedAt = now
            record.attempts = 0
            record.lastError = syncError.map { "shipped, but not synced to the shop: \($0.description)" }
            record.nextAttemptAt = nil
        } catch let error as SupplierError {
            Self.count(error, tally: &tally, at: now)
            record.attempts += 1
            record.lastError = error.description
            let delay = error.isTransient ? settings.backoff(afterAttempts: record.attempts) : settings.pollInterval
            record.nextAttemptAt = now.addingTimeInterval(min(delay, settings.pollInterval))
        } catch {
            record.attempts += 1
            record.lastError = "\(error)"
            record.nextAttemptAt = now.addingTimeInterval(settings.backoff(afterAttempts: record.attempts))
        }
        return record
    }

    /// Writes the tracking back to the tenant's shop: a Shopify fulfillment, or a WooCommerce order note and Shipment
    /// Tracking item. Returns a permanent refusal; throws a transient failure.
    func syncToShop(_ record: SupplierOrderRecord, tracking: SupplierTracking, now: Date) async throws(SupplierError) -> SupplierError? {
        do {
            if let shopify = settings.shopify {
                _ = try await shopify.fulfil(orderID: record.orderID, lines: DropshipPlanner.supplierLines(record), tracking: tracking)
            } else if let wooCommerce = settings.wooCommerce {
                _ = try await wooCommerce.write(orderID: record.orderID, tracking: tracking, shippedOn: String(Timestamp.format(now).prefix(10)))
            }
            return nil
        } catch {
            if error.isTransient { throw error }
            return error
        }
    }

    /// Records `order.fulfilled` for the order's contact, keyed by the supplier order (recorded once).
    func recordFulfilled(_ record: SupplierOrderRecord, tracking: SupplierTracking, now: Date) async throws {
        let fulfilled = OrderFulfilled(orderID: record.orderID, trackingNumber: tracking.number, carrier: tracking.carrier, trackingURL: tracking.url)
        var events = EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: record.tenantID)
        let key = "dropship-fulfilled:\(record.orderID):\(record.supplier)"
        events.add(.orderFulfilled(fulfilled, supplier: record.supplier), contact: try await contact(of: record), occurredAt: now, key: key)
        try await events.flush()
    }

    /// Tells the team, once each, about unroutable lines and supplier orders given up on.
    func alert(store: any SupplierOrderStore, now: Date) async throws -> Int {
        let records = try await store.supplierOrdersToAlert(limit: settings.batchSize)
        for var record in records {
            let text = Self.alertText(record)
            if let slack {
                if case .failed(let reason, _, _) = await slack.post(text: text) {
                    dependencies.logger.warning("dropshipping alert not posted to Slack", metadata: ["reason": "\(reason)", "alert": "\(text)"])
                }
            } else {
                dependencies.logger.warning("\(text)", metadata: ["order": "\(record.orderID)", "supplier": "\(record.supplier)"])
            }
            record.alertedAt = now
            try await store.saveSupplierOrder(record)
        }
        return records.count
    }

    /// The alert about an unroutable or failed supplier order.
    static func alertText(_ record: SupplierOrderRecord) -> String {
        if record.status == .unroutable {
            let lines = DropshipPlanner.unroutableLines(record).map { "`\($0.sku)` ×\($0.quantity) (\($0.reason))" }
            return ":warning: Dropshipping: order \(record.orderID) has \(lines.count) line(s) no supplier takes: "
                + lines.joined(separator: ", ") + ". They stay pending until someone places them."
        }
        let name = Supplier(rawValue: record.supplier)?.displayName ?? record.supplier
        return ":x: Dropshipping: the \(name) order for order \(record.orderID) failed after \(record.attempts) attempt(s): "
            + (record.lastError ?? "unknown error") + ". Place it by hand."
    }
}
