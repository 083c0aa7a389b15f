from apps.airtel_integration.sandbox.server import main

main()
