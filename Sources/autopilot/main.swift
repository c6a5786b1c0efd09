import Hummingbird
import GRDB
import PostgresNIO
import AsyncHTTPClient
import ArgumentParser
print("autopilot")
