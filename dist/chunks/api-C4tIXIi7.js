/** Binds the calls to `owner/repo` over `client`. */
function createApi(client, owner, repo) {
    const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    return {
        async compare(from, to) {
            const { data } = await client({
                what: `compare ${from.slice(0, 7)}...${to.slice(0, 7)}`,
                permission: 'contents: read',
                method: 'GET',
                path: `${base}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}?per_page=1`,
            });
            return {
                mergeBase: data.merge_base_commit.sha,
                status: data.status,
                aheadBy: data.ahead_by,
                behindBy: data.behind_by,
            };
        },
        async listRuns(query) {
            const params = new URLSearchParams({
                branch: query.branch,
                status: 'success',
                per_page: '100',
            });
            if (query.headSha)
                params.set('head_sha', query.headSha);
            if (query.event)
                params.set('event', query.event);
            const { data } = await client({
                what: `list the successful workflow runs on ${query.branch}`,
                permission: 'actions: read',
                method: 'GET',
                path: `${base}/actions/runs?${params.toString()}`,
            });
            return data.workflow_runs;
        },
        async listRunArtifacts(runId, name) {
            const params = new URLSearchParams({ per_page: '100' });
            if (name)
                params.set('name', name);
            const { data } = await client({
                what: `list the artifacts of run ${runId}`,
                permission: 'actions: read',
                method: 'GET',
                path: `${base}/actions/runs/${runId}/artifacts?${params.toString()}`,
            });
            return data.artifacts;
        },
        async getPull(number) {
            const { data } = await client({
                what: `read pull request #${number}`,
                permission: 'pull-requests: read',
                method: 'GET',
                path: `${base}/pulls/${number}`,
            });
            return { headSha: data.head.sha, labels: data.labels.map((l) => l.name) };
        },
        async listComments(issue) {
            const all = [];
            for (let page = 1; page <= 30; page++) {
                const { data } = await client({
                    what: `list the comments of #${issue}`,
                    permission: 'pull-requests: read',
                    method: 'GET',
                    path: `${base}/issues/${issue}/comments?per_page=100&page=${page}`,
                });
                all.push(...data);
                if (data.length < 100)
                    break;
            }
            return all;
        },
        async createComment(issue, body) {
            const { data } = await client({
                what: `comment on #${issue}`,
                permission: 'pull-requests: write',
                method: 'POST',
                path: `${base}/issues/${issue}/comments`,
                body: { body },
            });
            return data;
        },
        async updateComment(id, body) {
            const { data } = await client({
                what: `update comment ${id}`,
                permission: 'pull-requests: write',
                method: 'PATCH',
                path: `${base}/issues/comments/${id}`,
                body: { body },
            });
            return data;
        },
    };
}

export { createApi };
