#!/bin/sh
# A Hooks:AfterDate hook for Hive: Hive reads a partition's files when it queries, but only partitions the metastore
# knows. The first time for a date (PROXYTHREAT_NEW_DATE=1) this adds the date's partition of each changed table;
# later runs have nothing to do. See the README, "The after-date hook".
#
# Its arguments go to beeline as they are, e.g. in /etc/proxythreat/appsettings.json:
#   "Hooks": { "AfterDate": [ "/opt/proxythreat/hooks/hive-partitions.sh",
#                             "-u", "jdbc:hive2://hs2.example.org:10000/spot;principal=hive/_HOST@EXAMPLE.ORG" ] }
# Environment: BEELINE, the beeline to run (default: the one on PATH); HOOK_KEYTAB and HOOK_PRINCIPAL, to log in
# from a keytab into a ticket cache of the hook's own (in the unit's private /tmp).
set -eu

[ "$PROXYTHREAT_NEW_DATE" = 1 ] || exit 0

if [ -n "${HOOK_KEYTAB:-}" ]; then
    export KRB5CCNAME="FILE:${TMPDIR:-/tmp}/proxythreat-hook-krb5cc"
    kinit -k -t "$HOOK_KEYTAB" "${HOOK_PRINCIPAL:?HOOK_PRINCIPAL names the keytab's principal}"
fi

# y=2016,m=7,d=8 is the folder y=2016/m=7/d=8 under the table's location, where the worker wrote.
sql=
for table in $PROXYTHREAT_TABLES; do
    sql="${sql}ALTER TABLE $table ADD IF NOT EXISTS PARTITION ($PROXYTHREAT_PARTITION); "
done

exec "${BEELINE:-beeline}" --silent=true "$@" -e "$sql"
