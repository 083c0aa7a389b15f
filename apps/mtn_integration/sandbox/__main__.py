"""python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port 8090"""

from apps.mtn_integration.sandbox.server import main

main()
