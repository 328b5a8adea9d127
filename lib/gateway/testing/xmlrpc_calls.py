"""Runs XML-RPC calls with Python's standard xmlrpc.client, as gandi.cli connects
(allow_none=True, use_datetime=True), and prints one JSON object: each call's value or fault, and
every raw response body (so a test can check that no answer ever holds the workspace key).

usage: python3 xmlrpc_calls.py URL < calls.json
calls.json: [{"token": "...", "method": "hosting.vm.list", "args": [...], "parallel": "group"?}]
Calls that share a "parallel" group name are sent at the same time (threads).
"""
import datetime
import gzip
import json
import sys
import threading
import xmlrpc.client

bodies = []
lock = threading.Lock()


class RecordingTransport(xmlrpc.client.Transport):
    def parse_response(self, response):
        data = response.read()
        # The panel (Next) gzips answers for clients that accept it, as xmlrpc.client does.
        if response.getheader('Content-Encoding', '') == 'gzip':
            data = gzip.decompress(data)
        with lock:
            bodies.append(data.decode('utf-8', 'replace'))

        class Replay:
            def __init__(self, data):
                self.data = data
                self.done = False

            def getheader(self, name, default=None):
                return default

            def read(self, n=-1):
                if self.done:
                    return b''
                self.done = True
                return self.data

        return super().parse_response(Replay(data))


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, xmlrpc.client.Binary):
        return '<binary>'
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def run(url, call):
    api = xmlrpc.client.ServerProxy(url, allow_none=True, use_datetime=True,
                                    transport=RecordingTransport(use_datetime=True))
    method = api
    for part in call['method'].split('.'):
        method = getattr(method, part)
    try:
        return {'value': plain(method(call['token'], *call.get('args', [])))}
    except xmlrpc.client.Fault as fault:
        return {'fault': {'code': fault.faultCode, 'string': fault.faultString}}
    except xmlrpc.client.ProtocolError as error:
        return {'http': error.errcode}


def main():
    url = sys.argv[1]
    calls = json.load(sys.stdin)
    results = [None] * len(calls)
    groups = {}
    for index, call in enumerate(calls):
        group = call.get('parallel')
        if group is None:
            for thread in groups.pop('__pending__', []):
                thread.join()
            results[index] = run(url, call)
        else:
            def target(i=index, c=call):
                results[i] = run(url, c)
            thread = threading.Thread(target=target)
            groups.setdefault('__pending__', []).append(thread)
            thread.start()
    for thread in groups.pop('__pending__', []):
        thread.join()
    print(json.dumps({'results': results, 'bodies': bodies}))


if __name__ == '__main__':
    main()
