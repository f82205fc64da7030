"""Spot's own algorithm for one threat, as its Proxy Threat Investigation notebook runs it: read the expanded
search from the GraphQL API with json.load, count with dictionaries, json.dumps the incident progression.
Standard library only. Usage: python3 spot_notebook.py ENDPOINT DATE URI."""
import json
import sys
import urllib.request

QUERY = ("query($date: SpotDateType!, $uri: String!) { proxy { threat { details(date: $date, uri: $uri) { "
         "datetime clientIp username duration uri webCategory responseCode requestMethod userAgent "
         "responseContentType referer uriPort serverIp serverToClientBytes clientToServerBytes } } } }")


def main(endpoint, date, uri):
    body = json.dumps({"query": QUERY, "variables": {"date": date, "uri": uri}}).encode()
    request = urllib.request.Request(endpoint, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        rows = json.load(response)["data"]["proxy"]["threat"]["details"]

    clients, methods, types, referers = {}, {}, {}, {}
    requests, referer_for = [], []
    for row in rows:
        clients[row["clientIp"]] = clients.get(row["clientIp"], 0) + 1
        methods[row["requestMethod"]] = methods.get(row["requestMethod"], 0) + 1
        types[row["responseContentType"]] = types.get(row["responseContentType"], 0) + 1
        if row["uri"] == uri:
            referers[row["referer"]] = referers.get(row["referer"], 0) + 1
            requests.append({"clientip": row["clientIp"], "referer": row["referer"],
                             "reqmethod": row["requestMethod"], "resconttype": row["responseContentType"]})
        elif row["uri"] not in referer_for:
            referer_for.append(row["uri"])

    progression = json.dumps({"fulluri": uri, "requests": requests, "referer_for": referer_for})
    top = sorted(clients.items(), key=lambda c: -c[1])[:20]
    print(len(rows), len(progression), len(top), len(methods), len(types), len(referers))


if __name__ == "__main__":
    main(*sys.argv[1:4])
