%% rtbench.erl — the Erlang counterparts of bench/runtime/*.c, for run.py.
%%
%%   erlc rtbench.erl
%%   erl -noshell +P 5000000 -run rtbench main spawn|pingpong|ring|skynet|parked|gcpause [N]
%%
%% Each prints "RESULT <name> <value> <unit>" lines with the same names as
%% the C drivers, best of three after a warm-up, as they do.
-module(rtbench).
-export([main/1]).

main([What]) -> main([What, "0"]);
main([What, NStr]) ->
    N = list_to_integer(NStr),
    run(What, N),
    halt(0).

result(Name, V, Unit) ->
    io:format("RESULT ~s ~.3f ~s~n", [Name, float(V), Unit]).

now_ns() -> erlang:monotonic_time(nanosecond).

orr(0, D) -> D;
orr(N, _) -> N.

best3(F) -> lists:min([F(), F(), F()]).

run("spawn", N0) ->
    N = orr(N0, 1000000),
    spawn_exit(N),
    result("spawn_exit", best3(fun() -> spawn_exit(N) end), "ns"),
    spawn_wait(N div 10),
    result("spawn_wait", best3(fun() -> spawn_wait(N div 4) end), "ns");
run("pingpong", N0) ->
    N = orr(N0, 2000000),
    pingpong(N div 10),
    result("pingpong_rt", best3(fun() -> pingpong(N) end), "ns");
run("ring", N0) ->
    result("ring_hop", ring(orr(N0, 10000000)), "ns");
run("skynet", N0) ->
    N = orr(N0, 1000000),
    skynet_run(N div 10),
    result("skynet", best3(fun() -> skynet_run(N) end), "ms");
run("parked", N0) ->
    result("parked", parked(orr(N0, 200000)), "B");
run("gcpause", N0) ->
    gcpause(orr(N0, 5000000)).

%% gcpause: the workload of bench/runtime/gcpause.c in one process — 200,000
%% old records {I, integer_to_binary(I)}, then N short-lived [I, float(I)]
%% lists, one in 64 kept in a 1,000-slot ring (the process dictionary).
%% Minor pauses come from tracing the process's garbage collections.
gcpause(N) ->
    Self = self(),
    Tracer = spawn(fun() -> gc_tracer(Self, undefined, []) end),
    Worker = spawn(fun() ->
                       Old = [{I, integer_to_binary(I)} || I <- lists:seq(1, 200000)],
                       erlang:garbage_collect(),
                       receive go -> ok end,
                       T0 = now_ns(),
                       churn(0, N),
                       T1 = now_ns(),
                       Self ! {churn_done, (T1 - T0) / N, length(Old)}
                   end),
    erlang:trace(Worker, true, [garbage_collection, monotonic_timestamp, {tracer, Tracer}]),
    Worker ! go,
    PerRound = receive {churn_done, P, _} -> P end,
    DRef = erlang:trace_delivered(Worker),
    receive {trace_delivered, _, DRef} -> ok end,
    Tracer ! {report, Self},
    Pauses = receive {pauses, L} -> lists:sort(L) end,
    Count = length(Pauses),
    io:format("gcpause: ~b minor collections in ~b rounds~n", [Count, N]),
    P99 = lists:nth(max(1, Count - Count div 100), Pauses),
    result("gc_minor_p99", P99 / 1000, "us"),
    result("gc_minor_max", lists:last(Pauses) / 1000, "us"),
    result("gc_churn", PerRound, "ns").

churn(I, N) when I >= N -> ok;
churn(I, N) ->
    Tmp = [I, float(I)],
    case I rem 64 of
        0 -> put((I div 64) rem 1000, Tmp);
        _ -> ok
    end,
    churn(I + 1, N).

gc_tracer(Owner, Start, Acc) ->
    receive
        {trace_ts, _, gc_minor_start, _, T} -> gc_tracer(Owner, T, Acc);
        {trace_ts, _, gc_minor_end, _, T} when Start =/= undefined ->
            gc_tracer(Owner, undefined, [erlang:convert_time_unit(T - Start, native, nanosecond) | Acc]);
        {report, To} -> To ! {pauses, Acc};
        _ -> gc_tracer(Owner, Start, Acc)
    end.

%% spawn_exit: N processes that end at once; the last one tells us
%% (an atomics counter, as the C and Go versions use a shared counter).
spawn_exit(N) ->
    Ref = atomics:new(1, []),
    atomics:put(Ref, 1, N),
    Self = self(),
    T0 = now_ns(),
    spawn_loop(N, Ref, Self),
    receive done -> ok end,
    (now_ns() - T0) / N.

spawn_loop(0, _, _) -> ok;
spawn_loop(N, Ref, Self) ->
    spawn(fun() ->
              case atomics:sub_get(Ref, 1, 1) of
                  0 -> Self ! done;
                  _ -> ok
              end
          end),
    spawn_loop(N - 1, Ref, Self).

%% spawn_wait: spawn one, wait for its end (a monitor), repeat.
spawn_wait(N) ->
    T0 = now_ns(),
    spawn_wait_loop(N),
    (now_ns() - T0) / N.

spawn_wait_loop(0) -> ok;
spawn_wait_loop(N) ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    spawn_wait_loop(N - 1).

pingpong(N) ->
    Self = self(),
    Pong = spawn(fun() -> pong(Self) end),
    T0 = now_ns(),
    ping(N, Pong),
    D = (now_ns() - T0) / N,
    Pong ! stop,
    D.

ping(0, _) -> ok;
ping(N, Pong) ->
    Pong ! ping,
    receive pong -> ok end,
    ping(N - 1, Pong).

pong(Ping) ->
    receive
        ping -> Ping ! pong, pong(Ping);
        stop -> ok
    end.

ring(M) ->
    Self = self(),
    Pids = [spawn(fun() -> ring_init(Self) end) || _ <- lists:seq(1, 503)],
    Nexts = tl(Pids) ++ [hd(Pids)],
    [P ! {next, Nx} || {P, Nx} <- lists:zip(Pids, Nexts)],
    First = hd(Pids),
    Lap = fun(Hops) ->
              T0 = now_ns(),
              First ! Hops,
              receive done -> ok end,
              (now_ns() - T0) / Hops
          end,
    Lap(M div 10),
    R = best3(fun() -> Lap(M) end),
    [P ! stop || P <- Pids],
    R.

ring_init(Root) ->
    receive {next, Next} -> ring_loop(Root, Next) end.

ring_loop(Root, Next) ->
    receive
        0 -> Root ! done, ring_loop(Root, Next);
        stop -> ok;
        T -> Next ! T - 1, ring_loop(Root, Next)
    end.

skynet(Parent, Num, 1, _) ->
    Parent ! Num;
skynet(Parent, Num, Size, Div) ->
    Self = self(),
    Sub = Size div Div,
    [spawn(fun() -> skynet(Self, Num + I * Sub, Sub, Div) end) || I <- lists:seq(0, Div - 1)],
    Parent ! collect(Div, 0).

collect(0, S) -> S;
collect(N, S) -> receive V -> collect(N - 1, S + V) end.

skynet_run(Leaves) ->
    Self = self(),
    T0 = now_ns(),
    spawn(fun() -> skynet(Self, 0, Leaves, 10) end),
    Sum = receive V -> V end,
    case Sum =:= Leaves * (Leaves - 1) div 2 of
        true -> ok;
        false -> io:format(standard_error, "skynet: wrong sum ~p~n", [Sum]), halt(1)
    end,
    (now_ns() - T0) / 1000000.

rss_bytes() ->
    {ok, B} = file:read_file("/proc/self/statm"),
    [_, Rss | _] = string:lexemes(binary_to_list(B), " "),
    list_to_integer(Rss) * 4096.

%% parked: N processes blocked in receive.
parked(N) ->
    Self = self(),
    R0 = rss_bytes(),
    Pids = [spawn(fun() -> Self ! up, receive go -> ok end end) || _ <- lists:seq(1, N)],
    [receive up -> ok end || _ <- Pids],
    timer:sleep(10),
    Per = (rss_bytes() - R0) / N,
    [P ! go || P <- Pids],
    Per.
