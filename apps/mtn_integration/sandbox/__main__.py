"""python -m apps.mtn_integration.sandbox --port 8090"""

from apps.mtn_integration.sandbox.server import main

main()
