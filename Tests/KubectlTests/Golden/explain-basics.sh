kubectl explain statefulset.spec
kubectl explain sts.spec.podManagementPolicy
kubectl explain deploy.spec.strategy --recursive
kubectl explain svc.spec.ports
kubectl explain pods.spec.nope
kubectl explain deployment.FIELDS.metadata
kubectl explain foo
kubectl explain deploy --api-version=v1
kubectl explain
kubectl explain cronjob.spec.concurrencyPolicy
kubectl explain sts.spec -o plaintext-openapiv2 | grep -E '^   [a-zA-Z]'
kubectl explain deploy.spec.template.spec.containers.ports --recursive
