import AWSSigV4
import Testing
